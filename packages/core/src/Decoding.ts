/**
 * Decoding input nobody vouches for (response bodies, request bodies, untyped callers' parameters) with this
 * library's schemas, or any other, without ever throwing.
 *
 * Effect's own decoders can throw on such input. The upstream defect (effect 3.22, `ParseResult`'s union
 * parser): to pick the candidates of a union whose members are told apart by a literal field (every ChatKit
 * item and status union), it reads that field of the input with `String(input[name])` before checking its
 * type, and `String` throws a `TypeError` on an object whose `toString` and `valueOf` are not functions, as
 * JSON `{"type": {"toString": 1}}` gives. So `ParseResult.decodeUnknownEither` throws where it should answer a
 * `Left`. These decoders answer exactly as Effect's wherever Effect's answer, and with a parse issue at that
 * field where Effect's would throw. A canary test fails once Effect stops throwing: then delete this module
 * and use `ParseResult.decodeUnknownEither` directly.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import type * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

const cannotConvert = (value: object): boolean => {
  try {
    String(value)
    return false
  } catch {
    return true
  }
}

/**
 * The names of every property that some schema inside `ast` fixes to a literal: the fields a union of structs
 * may read with `String` to choose its member.
 */
const literalKeys = (ast: AST.AST): ReadonlySet<PropertyKey> => {
  const keys = new Set<PropertyKey>()
  const seen = new Set<AST.AST>()
  const visit = (node: AST.AST): void => {
    if (seen.has(node)) return
    seen.add(node)
    switch (node._tag) {
      case "TypeLiteral":
        for (const signature of node.propertySignatures) {
          if (AST.isLiteral(signature.type)) keys.add(signature.name)
          visit(signature.type)
        }
        return node.indexSignatures.forEach((signature) => visit(signature.type))
      case "Union":
        return node.types.forEach(visit)
      case "TupleType":
        node.elements.forEach((element) => visit(element.type))
        return node.rest.forEach((element) => visit(element.type))
      case "Refinement":
        return visit(node.from)
      case "Transformation":
        visit(node.from)
        return visit(node.to)
      case "Suspend":
        return visit(node.f())
      case "Declaration":
        return node.typeParameters.forEach(visit)
    }
  }
  visit(ast)
  return keys
}

/**
 * Where in `input` the object is that Effect failed to convert to a string: depth first, the first such object
 * held by a field named in `keys` (where unions look), or else the first such object anywhere. Iterative, so
 * that deep input cannot overflow the stack.
 */
const unconvertiblePath = (
  input: unknown,
  keys: ReadonlySet<PropertyKey>
): ReadonlyArray<PropertyKey> | undefined => {
  const stack: Array<{ readonly value: unknown; readonly path: ReadonlyArray<PropertyKey> }> = [{
    value: input,
    path: []
  }]
  const seen = new Set<object>()
  let anywhere: ReadonlyArray<PropertyKey> | undefined
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { path, value } = next
    if (typeof value !== "object" || value === null || seen.has(value)) continue
    seen.add(value)
    const isArray = Array.isArray(value)
    if (!isArray && cannotConvert(value)) {
      const key = path[path.length - 1]
      if (typeof key === "string" && keys.has(key)) return path
      anywhere ??= path
    }
    for (const [key, field] of Object.entries(value).reverse()) {
      stack.push({ value: field, path: [...path, isArray ? Number(key) : key] })
    }
  }
  return anywhere
}

const unconvertibleIssue = (input: unknown, path: ReadonlyArray<PropertyKey>): ParseResult.ParseIssue => {
  const actual = path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown>)[key], input)
  const issue = new ParseResult.Type(
    AST.unknownKeyword,
    actual,
    "Expected a string, number, boolean or null, actual an object that cannot be converted to a string"
  )
  const [head, ...tail] = path
  return head === undefined ? issue : new ParseResult.Pointer([head, ...tail], input, issue)
}

/**
 * `ParseResult.decodeUnknownEither(schema, options)`, except that it never throws on input its schema cannot
 * read (see the module's description): such input is a `Left` whose issue points at the object that cannot be
 * converted. Anything else thrown (a defect of a schema's own code) is thrown again.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeUnknownEither = <A, I>(
  schema: Schema.Schema<A, I, never>,
  options?: AST.ParseOptions
): (input: unknown, overrideOptions?: AST.ParseOptions) => Either.Either<A, ParseResult.ParseIssue> => {
  const decode = ParseResult.decodeUnknownEither(schema, options)
  let keys: ReadonlySet<PropertyKey> | undefined
  return (input, overrideOptions) => {
    try {
      return decode(input, overrideOptions)
    } catch (error) {
      keys ??= literalKeys(schema.ast)
      const path = unconvertiblePath(input, keys)
      if (path === undefined) throw error
      return Either.left(unconvertibleIssue(input, path))
    }
  }
}
