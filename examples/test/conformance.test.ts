import { ThreadsFake } from "@effect-chatkit/testing"
import * as Conformance from "@effect-chatkit/testing/Conformance"

// the layer provides your ThreadsService and a ThreadsFake admin to seed it (here: the fake itself)
Conformance.suite("my ThreadsService", ThreadsFake.layer({ seed: 1 }), { numRuns: 10 })
