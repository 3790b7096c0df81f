import DudaoCore
import Foundation
import XCTest

/// `dudao balance --input FILE.csv --standard 2012|2017`: its output and its refusals.
final class BalanceCommandTests: XCTestCase {
    let header2017 =
        "school_code,school_name,section,students,floor_area,sports_area,equipment_value,teachers_above_qualification,backbone_teachers,pe_arts_teachers,multimedia_classrooms"

    func run(_ csv: String, standard: String = "2017") -> BalanceCommandLine.Outcome {
        BalanceCommandLine.run(["--input", "in.csv", "--standard", standard]) { _ in Data(csv.utf8) }
    }

    func json(_ outcome: BalanceCommandLine.Outcome) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: outcome.standardOutput) as? [String: Any])
    }

    func testPrintsUnroundedCoefficientsAndEachSchoolsAttainment() throws {
        let csv = """
            \(header2017)
            1001,甲小学,primary,100,450,750,200000,5,1,1,8
            1002,乙小学,primary,100,450,750,200000,5,1,1,2
            2001,丙中学,junior,200,1160,2040,500000,11,2,2,5
            """
        let outcome = run(csv)
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let root = try json(outcome)
        XCTAssertEqual(root["standard"] as? String, "2017")
        let sections = try XCTUnwrap(root["sections"] as? [String: Any])
        let primary = try XCTUnwrap(sections["primary"] as? [String: Any])
        XCTAssertEqual(primary["schools"] as? Int, 2)
        XCTAssertEqual(primary["passes"] as? Bool, false)
        XCTAssertNil(primary["composite_cv"])
        let media = try XCTUnwrap(
            (primary["indicators"] as? [String: Any])?["multimedia_classrooms_per_100"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(media["cv"] as? Double), 0.6, accuracy: 1e-12)
        XCTAssertEqual(media["threshold"] as? Double, 0.5)
        XCTAssertEqual(media["passes"] as? Bool, false)
        XCTAssertEqual(try XCTUnwrap(media["county_value"] as? Double), 5, accuracy: 1e-12)
        let attainment = try XCTUnwrap(root["school_attainment"] as? [[String: Any]])
        XCTAssertEqual(attainment.map { $0["school_code"] as? String }, ["1001", "1002", "2001"])
        XCTAssertEqual(attainment[1]["met"] as? Int, 6)  // 2 classrooms per 100 < 2.3
        XCTAssertEqual(attainment[1]["passes"] as? Bool, true)  // 2 / 2.3 = 87 % ≥ 85 %
        let shortfall = try XCTUnwrap((attainment[1]["shortfalls"] as? [[String: Any]])?.first)
        XCTAssertEqual(shortfall["indicator"] as? String, "multimedia_classrooms_per_100")
    }

    func test2012PrintsTheCompositeAndNoLinePerIndicator() throws {
        let csv = """
            school_code,school_name,section,students,floor_area,sports_area,equipment_value,computers,books,teachers,teachers_above_qualification,senior_title_teachers
            1001,甲小学,primary,100,500,800,200000,10,1000,6,5,3
            1002,乙小学,primary,300,1500,2400,600000,30,1500,18,15,9
            """
        let outcome = run(csv, standard: "2012")
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let primary = try XCTUnwrap((try json(outcome)["sections"] as? [String: Any])?["primary"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(primary["composite_cv"] as? Double), 3.0.squareRoot() / 40, accuracy: 1e-12)
        XCTAssertEqual(primary["passes"] as? Bool, true)
        let books = try XCTUnwrap((primary["indicators"] as? [String: Any])?["books_per_student"] as? [String: Any])
        XCTAssertTrue(books["threshold"] is NSNull)
        XCTAssertNil(try json(outcome)["school_attainment"])
    }

    func testAColumnTheStandardDoesNotNeedMayBeMissing() {
        // The 2017 file has no computers, books or teachers column.
        XCTAssertEqual(run("\(header2017)\n1001,甲,primary,100,1,1,1,1,1,1,1").status, 0)
    }

    func testBadInputNamesTheRowAndColumnAndExitsWithTwo() {
        let cases: [(String, String)] = [
            ("school_code,school_name,section,students\n1,a,primary,1", "第 1 行 “floor_area”列：缺少这一列"),
            ("\(header2017)\n1001,甲,primary,100,abc,1,1,1,1,1,1", "第 2 行 “floor_area”列：“abc”不是数字"),
            ("\(header2017)\n1001,甲,primary,0,1,1,1,1,1,1,1", "第 2 行 “students”列：在校生数为 0"),
            ("\(header2017)\n1001,甲,primary,100,1,1,1,1,1,1,1\n1002,乙,高中,100,1,1,1,1,1,1,1", "第 3 行 “section”列"),
            ("\(header2017)\n1001,甲,primary,100,-1,1,1,1,1,1,1", "不能为负数"),
            ("\(header2017)\n1001,甲,primary,100,1,1,1,1.5,1,1,1", "须为整数"),
            ("\(header2017)\n1001,甲,primary,100,1,1,1,1,1,1,1\n1001,甲,primary,100,1,1,1,1,1,1,1", "与第 2 行是同一学校"),
            ("\(header2017)\n1001,甲,primary,100,1e400,1,1,1,1,1,1", "不是数字"),
            ("\(header2017)\n", "没有学校的数据行"),
        ]
        for (csv, expected) in cases {
            let outcome = run(csv)
            XCTAssertEqual(outcome.status, 2, csv)
            XCTAssertTrue(outcome.standardError.contains(expected), "\(outcome.standardError) ∌ \(expected)")
            XCTAssertTrue(outcome.standardOutput.isEmpty)
        }
    }

    func testEveryBadCellIsListedNotOnlyTheFirst() {
        let outcome = run("\(header2017)\n1001,甲,primary,0,x,1,1,1,1,1,1\n1002,乙,primary,100,1,y,1,1,1,1,1")
        XCTAssertEqual(outcome.standardError.split(separator: "\n").count, 3)
    }

    func testTheJSONWriterEscapesAndKeepsNumbersExact() throws {
        let text = JSONText.object([
            ("a", .string("引号\"、反斜杠\\、换行\n、\u{1}")), ("b", .number(0.1 + 0.2)), ("c", .number(2)),
            ("d", .number(.nan)), ("e", .array([])), ("f", .object([])),
        ]).render()
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["a"] as? String, "引号\"、反斜杠\\、换行\n、\u{1}")
        XCTAssertTrue(text.contains("\"b\": 0.30000000000000004"), "unrounded, in the shortest exact form")
        XCTAssertEqual(parsed["c"] as? Int, 2)
        XCTAssertTrue(parsed["d"] is NSNull)
    }

    func testBadArgumentsShowTheUsage() {
        XCTAssertEqual(BalanceCommandLine.run([]) { _ in Data() }.status, 2)
        let wrong = BalanceCommandLine.run(["--input", "a.csv", "--standard", "2020"]) { _ in Data() }
        XCTAssertTrue(wrong.standardError.contains("2012 或 2017"))
        let unreadable = BalanceCommandLine.run(["--input", "none.csv", "--standard", "2012"]) { _ in
            throw CocoaError(.fileNoSuchFile)
        }
        XCTAssertEqual(unreadable.status, 2)
        XCTAssertTrue(unreadable.standardError.contains("无法读取 none.csv"))
    }
}
