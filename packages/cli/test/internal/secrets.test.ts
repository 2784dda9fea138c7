import { assert, describe, it } from "@effect/vitest"
import { FastCheck } from "effect"
import * as Secrets from "../../src/internal/secrets.js"

const token = FastCheck.array(FastCheck.constantFrom(..."aeksyZ019_-"), { minLength: 1, maxLength: 24 })
  .map((chars) => chars.join(""))

describe("secrets", () => {
  it.prop(
    "scrub removes every whole-token occurrence of a key and keeps the words around it",
    [token, FastCheck.array(FastCheck.constantFrom("error", "key", ":", " ", "\"", "/", "="), { maxLength: 8 })],
    ([secret, words]) => {
      FastCheck.pre(!words.includes(secret))
      const text = [...words, secret, ...words].join(" ")
      const scrubbed = Secrets.scrub(text, [secret])
      assert.notInclude(` ${scrubbed} `.split(/[^\w-]+/), secret)
      assert.include(scrubbed, "<redacted>")
      assert.isTrue(scrubbed.startsWith(words.join(" ")))
    }
  )

  it("a short key does not mangle a message", () => {
    const message = "NotFoundError (404): {\"error\":{\"message\":\"No thread\",\"type\":\"invalid_request_error\"}}"
    assert.strictEqual(Secrets.scrub(message, ["e"]), message)
    assert.strictEqual(Secrets.scrub("key e was refused", ["e"]), "key <redacted> was refused")
    assert.strictEqual(Secrets.scrub("nothing to hide", [""]), "nothing to hide")
  })

  it("masks userinfo, query and fragment of a URL", () => {
    assert.strictEqual(Secrets.maskUrl("http://admin:s3cr3t@host/v1"), "http://***@host/v1")
    assert.strictEqual(Secrets.maskUrl("https://host/v1?token=abc"), "https://host/v1?***")
    assert.strictEqual(Secrets.maskUrl("https://u@host/v1#frag"), "https://***@host/v1#***")
    assert.strictEqual(Secrets.maskUrl("https://api.openai.com/v1"), "https://api.openai.com/v1")
    assert.deepStrictEqual(Secrets.ofUrl("http://admin:s3%20cr3t@host/v1"), ["admin", "s3 cr3t"])
  })

  it("reads every --api-key of a command line", () => {
    assert.deepStrictEqual(
      Secrets.fromArgs(["serve", "--api-key", "k1", "--api-key=k2", "--port", "0", "--api-key"]),
      ["k1", "k2"]
    )
  })
})
