import DudaoCore
import XCTest

final class HeatScaleTests: XCTestCase {
    func testEachShareFallsInTheStepOfItsGradeLine() {
        let cases: [(Double?, HeatScale.Step)] = [
            (nil, .notApplicable), (.nan, .notApplicable), (0, .failing), (0.599, .failing), (0.6, .passing),
            (0.7999, .passing), (0.8, .good), (0.89, .good), (0.9, .excellent), (1, .excellent),
            // Sums of weights land a hair under a line: they count as on it.
            (0.9 - 1e-9, .excellent),
        ]
        for (ratio, step) in cases {
            XCTAssertEqual(HeatScale.step(ratio), step, "\(String(describing: ratio))")
        }
    }

    func testEveryStepHasItsOwnColourAndLabel() {
        let steps = HeatScale.Step.allCases
        XCTAssertEqual(Set(steps.map(\.fill)).count, steps.count)
        XCTAssertEqual(Set(steps.map(\.label)).count, steps.count)
    }
}
