import DudaoCore
import Fluent
import Vapor

/// A school's or kindergarten's yearly return of the resources the balance statistics count (办学条件年报).
/// The school fills it in and submits it; the office checks and locks it.
final class BalanceReturn: Model, @unchecked Sendable {
    static let schema = "balance_returns"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "school_id") var school: School
    @Field(key: "district_id") var districtID: Int
    @Field(key: "org_path") var orgPath: String
    @Field(key: "year") var year: Int
    @Field(key: "students_primary") var studentsPrimary: Int
    @Field(key: "students_junior") var studentsJunior: Int
    /// A complete or twelve-year school's senior students: they take their share of the shared resources.
    @Field(key: "students_senior") var studentsSenior: Int
    /// A kindergarten's children (在园幼儿) and whether it is 普惠性 (public ones always are).
    @Field(key: "children") var children: Int
    @Field(key: "inclusive") var inclusive: Bool
    @Field(key: "floor_area") var floorArea: Double
    @Field(key: "sports_area") var sportsArea: Double
    @Field(key: "equipment_value") var equipmentValue: Double
    @Field(key: "computers") var computers: Double
    @Field(key: "books") var books: Double
    @Field(key: "teachers") var teachers: Double
    @Field(key: "teachers_above_qualification") var teachersAboveQualification: Double
    @Field(key: "senior_title_teachers") var seniorTitleTeachers: Double
    @Field(key: "backbone_teachers") var backboneTeachers: Double
    @Field(key: "pe_arts_teachers") var peArtsTeachers: Double
    @Field(key: "multimedia_classrooms") var multimediaClassrooms: Double
    @Field(key: "state") var state: BalanceReturnState
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "locked_by") var lockedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $school, $districtID, $orgPath, $year, $studentsPrimary, $studentsJunior, $studentsSenior, $children,
            $inclusive, $floorArea, $sportsArea, $equipmentValue, $computers, $books, $teachers,
            $teachersAboveQualification, $seniorTitleTeachers, $backboneTeachers, $peArtsTeachers,
            $multimediaClassrooms, $state, $updatedBy, $lockedBy, $createdAt, $updatedAt,
        ]
    }

    init() {}

    /// The resource columns, named as the resources' keys.
    static let resourceColumns = BalanceResource.allCases.map(\.rawValue)

    var figures: BalanceFigures {
        get {
            BalanceFigures(
                students: [.primary: studentsPrimary, .junior: studentsJunior, .senior: studentsSenior],
                children: children, inclusive: inclusive,
                resources: [
                    .floorArea: floorArea, .sportsArea: sportsArea, .equipmentValue: equipmentValue,
                    .computers: computers, .books: books, .teachers: teachers,
                    .teachersAboveQualification: teachersAboveQualification,
                    .seniorTitleTeachers: seniorTitleTeachers, .backboneTeachers: backboneTeachers,
                    .peArtsTeachers: peArtsTeachers, .multimediaClassrooms: multimediaClassrooms,
                ])
        }
        set {
            studentsPrimary = newValue.students[.primary] ?? 0
            studentsJunior = newValue.students[.junior] ?? 0
            studentsSenior = newValue.students[.senior] ?? 0
            children = newValue.children
            inclusive = newValue.inclusive
            let r = newValue.resources
            floorArea = r[.floorArea] ?? 0
            sportsArea = r[.sportsArea] ?? 0
            equipmentValue = r[.equipmentValue] ?? 0
            computers = r[.computers] ?? 0
            books = r[.books] ?? 0
            teachers = r[.teachers] ?? 0
            teachersAboveQualification = r[.teachersAboveQualification] ?? 0
            seniorTitleTeachers = r[.seniorTitleTeachers] ?? 0
            backboneTeachers = r[.backboneTeachers] ?? 0
            peArtsTeachers = r[.peArtsTeachers] ?? 0
            multimediaClassrooms = r[.multimediaClassrooms] ?? 0
        }
    }

    static func find(school: Int, year: Int, on db: any Database) async throws -> BalanceReturn? {
        try await query(on: db).filter(\.$school.$id == school).filter(\.$year == year).first()
    }
}

/// A township's resident children of kindergarten age (3–5) in one year, as the office enters them.
final class PreschoolPopulation: Model, @unchecked Sendable {
    static let schema = "preschool_populations"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "township_id") var townshipID: Int
    @Field(key: "district_id") var districtID: Int
    @Field(key: "year") var year: Int
    @Field(key: "children") var children: Int

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $townshipID, $districtID, $year, $children] }

    init() {}
}
