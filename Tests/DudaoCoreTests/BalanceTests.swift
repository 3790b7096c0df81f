import DudaoCore
import Foundation
import Spreadsheet
import XCTest

/// The balance statistics (rules.md §4) on cases small enough to compute by hand.
final class BalanceTests: XCTestCase {
    /// A primary school section whose every resource is `perStudent` × students, except those given.
    func row(
        _ code: String, students: Int, perStudent: Double = 10, section: SchoolSection = .primary,
        _ overrides: [BalanceResource: Double] = [:]
    ) -> BalanceRow {
        var resources: [BalanceResource: Double] = [:]
        for r in BalanceResource.allCases { resources[r] = perStudent * Double(students) }
        resources.merge(overrides) { $1 }
        return BalanceRow(
            schoolCode: code, schoolName: code, section: section, students: students, resources: resources)
    }

    // A: 100 students, 1 000 books (10 each); B: 300 students, 1 500 books (5 each).
    // County value 2 500 / 400 = 6.25 (pooled; the mean of the school values would be 7.5).
    // S² = 0.25 × 3.75² + 0.75 × 1.25² = 4.6875, CV = √4.6875 / 6.25 = √3 / 5.
    var twoSchools: [BalanceRow] {
        [row("A", students: 100, [.books: 1000]), row("B", students: 300, [.books: 1500])]
    }

    func testTheCoefficientIsWeightedByEnrolmentAroundThePooledCountyValue() throws {
        let c = BalanceComputation.coefficient(.booksPerStudent, twoSchools, line: nil)
        XCTAssertEqual(c.countyValue, 6.25, accuracy: 1e-12)
        XCTAssertEqual(c.deviation, 4.6875.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(c.cv, 3.0.squareRoot() / 5, accuracy: 1e-12)
        // The unweighted formula (mean 7.5, population or sample deviation) gives other numbers.
        XCTAssertNotEqual(c.cv, 2.5 / 7.5, accuracy: 1e-3)
        XCTAssertNotEqual(c.cv, 12.5.squareRoot() / 7.5, accuracy: 1e-3)
        // A pulls three quarters of the spread, B one quarter.
        XCTAssertEqual(c.pull[0], 0.75, accuracy: 1e-12)
        XCTAssertEqual(c.pull[1], 0.25, accuracy: 1e-12)
    }

    func testPerHundredIndicatorsScaleTheValuesNotTheCoefficient() {
        let rows = [row("A", students: 200, [.computers: 30]), row("B", students: 200, [.computers: 10])]
        let c = BalanceComputation.coefficient(.computersPer100, rows, line: nil)
        XCTAssertEqual(c.countyValue, 10, accuracy: 1e-12)  // 40 / 400 × 100
        XCTAssertEqual(rows[0].value(.computersPer100)!, 15, accuracy: 1e-12)
        XCTAssertEqual(c.cv, 0.5, accuracy: 1e-12)  // S = 5
    }

    func testEqualValuesGiveZeroEvenWhenEveryoneHasNothing() {
        let rows = [row("A", students: 100, [.books: 0]), row("B", students: 50, [.books: 0])]
        let c = BalanceComputation.coefficient(.booksPerStudent, rows, line: nil)
        XCTAssertEqual(c.cv, 0)
        XCTAssertEqual(c.pull, [0, 0])
        XCTAssertFalse(c.cv.isNaN)
    }

    func test2012CompositeIsTheMeanOfEightAgainstItsSectionLine() throws {
        let result = try XCTUnwrap(BalanceComputation(rows: twoSchools, standard: .basic2012).section(.primary))
        XCTAssertEqual(result.coefficients.count, 8)
        // Only books differ: the composite is (√3 / 5) / 8.
        XCTAssertEqual(result.compositeCV!, 3.0.squareRoot() / 40, accuracy: 1e-12)
        XCTAssertEqual(result.line, 0.65)
        XCTAssertTrue(result.passes)
        XCTAssertNil(result.coefficient(.booksPerStudent)?.line, "2012 has no line per indicator")
        XCTAssertEqual(BalanceStandard.basic2012.coefficientLine(.junior), 0.55)
    }

    func test2012FailsWhenTheMeanIsOverTheLineThoughNoSingleLineExists() throws {
        // Every resource spread like books above except teachers: seven at √3/5 ≈ 0.346 … still under 0.65.
        // Spread them wider: A 10 per student, B 1 per student.
        let rows = [row("A", students: 100, perStudent: 10), row("B", students: 100, perStudent: 1)]
        // X̄ = 5.5, S = 4.5, CV = 9 / 11 on every indicator.
        let junior = rows.map { r -> BalanceRow in
            var r = r
            r.section = .junior
            return r
        }
        let result = try XCTUnwrap(BalanceComputation(rows: junior, standard: .basic2012).section(.junior))
        XCTAssertEqual(result.compositeCV!, 9.0 / 11, accuracy: 1e-12)
        XCTAssertFalse(result.passes)
    }

    func test2017JudgesEachOfSevenOnItsOwnLine() throws {
        // Only multimedia classrooms spread (0.6 > 0.50): the section fails on that one indicator.
        let rows = [
            row("A", students: 100, [.multimediaClassrooms: 8]), row("B", students: 100, [.multimediaClassrooms: 2]),
        ]
        let result = try XCTUnwrap(BalanceComputation(rows: rows, standard: .quality2017).section(.primary))
        XCTAssertEqual(result.coefficients.count, 7)
        XCTAssertNil(result.compositeCV)
        let media = try XCTUnwrap(result.coefficient(.multimediaClassroomsPer100))
        XCTAssertEqual(media.cv, 0.6, accuracy: 1e-12)  // X̄ = 5, S = 3
        XCTAssertEqual(media.passes, false)
        XCTAssertEqual(result.coefficients.filter { $0.passes == true }.count, 6)
        XCTAssertFalse(result.passes)
    }

    func testSectionsAreComputedApart() {
        let rows = [row("A", students: 100), row("B", students: 100, section: .junior)]
        let computation = BalanceComputation(rows: rows, standard: .quality2017)
        XCTAssertEqual(computation.sections.map(\.section), [.primary, .junior])
        XCTAssertEqual(computation.section(.junior)?.rows, [1])
        XCTAssertEqual(computation.section(.junior)?.line, 0.45)
    }

    // MARK: 2017 standards per school

    /// A primary section of 100 students exactly at every 2017 standard, with `ratios` of some standards.
    func standardRow(_ ratios: [BalanceIndicator: Double] = [:]) -> BalanceRow {
        var resources: [BalanceResource: Double] = [:]
        for indicator in BalanceStandard.quality2017.indicators {
            let standard = BalanceStandard.quality2017.schoolStandard(indicator, .primary)!
            resources[indicator.resource] = standard * (ratios[indicator] ?? 1) * 100 / indicator.scale
        }
        return BalanceRow(schoolCode: "S", schoolName: "S", section: .primary, students: 100, resources: resources)
    }

    func testASchoolMeetsWithSixOfSevenAndNoneUnder85Percent() {
        let cases: [([BalanceIndicator: Double], met: Int, passes: Bool)] = [
            ([:], 7, true),
            ([.sportsAreaPerStudent: 0.86], 6, true),
            ([.sportsAreaPerStudent: 0.85], 6, true),
            ([.sportsAreaPerStudent: 0.84], 6, false),
            ([.sportsAreaPerStudent: 0.99, .backboneTeachersPer100: 0.99], 5, false),
            ([.equipmentValuePerStudent: 1.5], 7, true),
        ]
        for (ratios, met, passes) in cases {
            let a = BalanceComputation.attainment(standardRow(ratios), index: 0, standard: .quality2017)
            XCTAssertEqual(a.met, met, "\(ratios)")
            XCTAssertEqual(a.passes, passes, "\(ratios)")
            XCTAssertEqual(a.shortfalls.count, 7 - met)
        }
        let junior = BalanceStandard.quality2017
        XCTAssertEqual(junior.schoolStandard(.sportsAreaPerStudent, .junior), 10.2)
        XCTAssertEqual(junior.schoolStandard(.equipmentValuePerStudent, .junior), 2500)
        XCTAssertNil(BalanceStandard.basic2012.schoolStandard(.floorAreaPerStudent, .primary))
    }

    // MARK: Combined schools

    func testANineYearSchoolSplitsItsResourcesByWeightedEnrolment() throws {
        let weights = SectionWeights()
        let shares = weights.shares([.primary: 1000, .junior: 500])
        XCTAssertEqual(shares[.primary]!, 1000 / 1550, accuracy: 1e-12)
        XCTAssertEqual(shares[.junior]!, 550 / 1550, accuracy: 1e-12)
        let rows = weights.rows(
            code: "S", name: "九年制", students: [.primary: 1000, .junior: 500], resources: [.books: 15500])
        XCTAssertEqual(rows.map(\.section), [.primary, .junior])
        XCTAssertEqual(rows[0].resources[.books]!, 10000, accuracy: 1e-9)
        XCTAssertEqual(rows[1].resources[.books]!, 5500, accuracy: 1e-9)
        // A junior student counts 1.1 primary students.
        XCTAssertEqual(rows[1].value(.booksPerStudent)! / rows[0].value(.booksPerStudent)!, 1.1, accuracy: 1e-12)
    }

    func testACompleteSchoolKeepsOnlyItsJuniorSectionAtOneToOnePointTwo() {
        let rows = SectionWeights().rows(
            code: "S", name: "完中", students: [.junior: 600, .senior: 400], resources: [.books: 11880])
        XCTAssertEqual(rows.map(\.section), [.junior])
        // Junior share 660 / 1188; per student junior : senior = 1 : 1.2.
        XCTAssertEqual(rows[0].resources[.books]!, 11880 * 660 / 1188, accuracy: 1e-9)
    }

    func testASingleSectionSchoolKeepsEverything() {
        XCTAssertEqual(SectionWeights().shares([.primary: 300]), [.primary: 1])
        XCTAssertEqual(
            SectionWeights(junior: 2).shares([.primary: 100, .junior: 100])[.junior]!, 2.0 / 3, accuracy: 1e-12)
    }

    func testTheWeightsSettingIsReadAndRefusedClearly() {
        XCTAssertEqual(SectionWeights(setting: ""), SectionWeights())
        XCTAssertEqual(SectionWeights(setting: "小学:1；初中:1.2；高中:1.5")?.junior, 1.2)
        XCTAssertEqual(SectionWeights(setting: "初中：1.05")?.primary, 1)
        XCTAssertNil(SectionWeights(setting: "初中:abc"))
        XCTAssertNil(SectionWeights(setting: "初中:0"))
        XCTAssertNil(SectionWeights(setting: "大学:1"))
        XCTAssertEqual(SectionWeights(setting: SectionWeights().setting), SectionWeights())
    }

    func testAReturnIsReportedWhenTheSchoolSubmitsOrTheOfficeSaves() {
        let cases: [(BalanceReturnState?, Bool, Bool, BalanceReturnState)] = [
            (nil, false, false, .draft), (nil, true, false, .submitted), (.draft, false, false, .draft),
            (.submitted, false, false, .submitted), (nil, false, true, .submitted), (.draft, false, true, .submitted),
            (.locked, false, true, .locked),
        ]
        for (current, submit, office, expected) in cases {
            XCTAssertEqual(BalanceReturnState.afterSave(current, submit: submit, byOffice: office), expected)
        }
    }

    // MARK: Preschool

    func testPreschoolFiguresAgainstTheirLines() {
        var f = PreschoolFigures(ageChildren: 1000)
        f.add(children: 500, isPublic: true, isInclusive: false)
        f.add(children: 300, isPublic: false, isInclusive: true)
        f.add(children: 100, isPublic: false, isInclusive: false)
        XCTAssertEqual(f.grossEnrolment!, 0.9, accuracy: 1e-12)
        XCTAssertEqual(f.inclusiveCoverage!, 800.0 / 900, accuracy: 1e-12)
        XCTAssertEqual(f.publicShare!, 500.0 / 900, accuracy: 1e-12)
        XCTAssertTrue(f.passes)
        f.add(children: 200, isPublic: false, isInclusive: false)  // inclusive 800 / 1100 < 80 %
        XCTAssertFalse(f.passes)
        XCTAssertNil(PreschoolFigures().grossEnrolment)
        XCTAssertFalse(PreschoolFigures().passes)
    }
}
