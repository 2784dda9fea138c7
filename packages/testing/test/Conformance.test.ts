import * as Conformance from "@effect-chatkit/testing/Conformance"
import * as ThreadsFake from "@effect-chatkit/testing/ThreadsFake"

Conformance.suite("ThreadsFake", ThreadsFake.layer({ seed: 7 }))
