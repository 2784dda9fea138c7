import * as Conformance from "@effect-chatkit/testing/Conformance"
import * as SessionsFake from "@effect-chatkit/testing/SessionsFake"
import * as ThreadsFake from "@effect-chatkit/testing/ThreadsFake"

Conformance.suite("ThreadsFake", ThreadsFake.layer({ seed: 7 }))

Conformance.sessionsSuite("SessionsFake", SessionsFake.layer({ seed: 7 }))
