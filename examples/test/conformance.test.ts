import { ThreadsFake } from "@effect-chatkit/testing"
import * as Conformance from "@effect-chatkit/testing/Conformance"

// the layer provides your ThreadsService and a ThreadsFake admin to seed it (here: the fake itself); one run
// of each property, as the library's own tests run the suite at length (without numRuns: 25 runs)
Conformance.suite("my ThreadsService", ThreadsFake.layer({ seed: 1 }), { numRuns: 1 })
