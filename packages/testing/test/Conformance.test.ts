import * as Conformance from "@effect-chatkit/testing/Conformance"
import * as SessionsFake from "@effect-chatkit/testing/SessionsFake"
import * as ThreadsFake from "@effect-chatkit/testing/ThreadsFake"

Conformance.suite("ThreadsFake", ThreadsFake.layer({ seed: 7 }))

// the other reading of `before`: the suite's model follows the option (with the default reading, it fails)
Conformance.suite(
  "ThreadsFake reading before next to the cursor",
  ThreadsFake.layer({ seed: 7, beforeReading: "next-to-cursor" }),
  { numRuns: 10, beforeReading: "next-to-cursor" }
)

Conformance.sessionsSuite("SessionsFake", SessionsFake.layer({ seed: 7 }))
