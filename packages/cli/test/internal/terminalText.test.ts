import { assert, describe, it } from "@effect/vitest"
import { FastCheck } from "effect"
import * as TerminalText from "../../src/internal/terminalText.js"

const controls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/
const escapes = /\\x[0-9a-f]{2}|\\u[0-9a-f]{4}/g

// any character, and often a bidirectional control or one of its neighbours
const character = FastCheck.oneof(
  FastCheck.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  FastCheck.constantFrom("\u061b", "\u061c", "\u200d", "\u200e", "\u200f", "\u2029", "\u202a", "\u202e", "\u202f"),
  FastCheck.constantFrom("\u2065", "\u2066", "\u2069", "\u206a")
)

describe("terminalText", () => {
  it.prop(
    "visible leaves no control character and changes nothing else",
    [FastCheck.string({ unit: character, maxLength: 40 })],
    ([text]) => {
      const shown = TerminalText.visible(text)
      assert.notMatch(shown, controls)
      assert.strictEqual(shown.replace(escapes, ""), text.replace(escapes, "").replace(new RegExp(controls, "g"), ""))
    }
  )

  it("shows the escapes that drive a terminal instead of passing them on", () => {
    assert.strictEqual(TerminalText.visible("\u001b]0;owned\u0007"), "\\x1b]0;owned\\x07")
    assert.strictEqual(TerminalText.visible("\u009b2J\b"), "\\x9b2J\\x08")
    assert.strictEqual(TerminalText.flat("a\r\n\tb\u001b[1A\u001b[2K"), "a b\\x1b[1A\\x1b[2K")
    assert.strictEqual(
      TerminalText.visible("invoice\u202efdp.exe\u2066x\u2069"),
      "invoice\\u202efdp.exe\\u2066x\\u2069"
    )
  })

  it("measures terminal columns: CJK and emoji two, combining marks none", () => {
    assert.strictEqual(TerminalText.width("abc"), 3)
    assert.strictEqual(TerminalText.width("字字"), 4)
    assert.strictEqual(TerminalText.width("e\u0301"), 1)
    assert.strictEqual(TerminalText.width("👍🏽"), 2)
    assert.strictEqual(TerminalText.width("👨‍👩‍👧"), 2)
    assert.strictEqual(TerminalText.width("🇫🇷"), 2)
    assert.strictEqual(TerminalText.width("©"), 1)
    assert.strictEqual(TerminalText.width("ｶﾀｶﾅ"), 4)
  })

  it.prop(
    "truncate fits the width, keeps whole characters and ends with an ellipsis only when it cuts",
    [
      FastCheck.array(FastCheck.constantFrom("a", "字", "👍", "e\u0301", " "), { maxLength: 30 }).map((parts) =>
        parts.join("")
      ),
      FastCheck.integer({ min: 1, max: 30 })
    ],
    ([text, columns]) => {
      const cut = TerminalText.truncate(text, columns)
      assert.isAtMost(TerminalText.width(cut), columns)
      if (TerminalText.width(text) <= columns) assert.strictEqual(cut, text)
      else {
        assert.isTrue(cut.endsWith("…"))
        assert.isTrue(text.startsWith(cut.slice(0, -1)))
        assert.isAbove(TerminalText.width(cut), columns - 2)
      }
    }
  )
})
