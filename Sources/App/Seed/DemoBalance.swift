import DudaoCore
import Fluent
import Foundation

/// The demo's 办学条件年报 for two years: the 2025 returns locked, the 2026 ones mostly reported, one draft (the
/// demo school's), multimedia classrooms spread unevenly among primary schools (that coefficient fails), and
/// the townships' children of kindergarten age.
enum DemoBalance {
    static let years = [2025, 2026]

    static func seed(_ db: any Database, district: OrgUnit, schools: [School]) async throws {
        var children: [Int: Int] = [:]
        for year in years {
            for (i, school) in schools.enumerated() where BalanceFigures.files(school.type) {
                let r = BalanceReturn()
                r.$school.id = school.id!
                r.districtID = district.id!
                r.orgPath = school.orgPath
                r.year = year
                r.figures = figures(school, index: i, year: year)
                let last = year == years.last!
                r.state = !last ? .locked : i == 0 ? .draft : i % 4 == 1 ? .locked : .submitted
                r.updatedBy = school.principal
                r.lockedBy = r.state == .locked ? "督导室 陈立新" : ""
                try await r.create(on: db)
                if last, school.type == .kindergarten { children[school.townshipID, default: 0] += school.students }
            }
        }
        for (k, (township, enrolled)) in children.sorted(by: { $0.key < $1.key }).enumerated() {
            for year in years {
                let p = PreschoolPopulation()
                p.townshipID = township
                p.districtID = district.id!
                p.year = year
                // One township's kindergartens take in fewer than 85 % of its children.
                let share = k == children.count - 1 ? 0.8 : 0.93 - Double(k) * 0.01
                p.children = Int((Double(enrolled) / share).rounded()) + (year == years.last! ? 0 : 25)
                try await p.create(on: db)
            }
        }
    }

    /// A school's figures: near the 2017 standards, varying from school to school; the year before a little
    /// more uneven.
    static func figures(_ school: School, index i: Int, year: Int) -> BalanceFigures {
        if school.type == .kindergarten {
            return BalanceFigures(
                // 石桥乡's private kindergarten is not 普惠性: the township's coverage falls under 80 %.
                children: school.students, inclusive: school.ownership == .publicSchool || !school.name.hasPrefix("石桥"))
        }
        var students = school.sections.filter { [.primary, .junior, .senior].contains($0.key) }
        if students.isEmpty, let section = BalanceFigures.sections(of: school.type).first {
            students = [section: school.students]
        }
        let total = Double(students.values.reduce(0, +))
        let junior = school.type == .junior || school.type == .complete ? 1.3 : 1.0
        let spread = year == years.first! ? 1.25 : 1.0
        let x = Double(i)
        func per(_ base: Double, _ amplitude: Double, _ phase: Double) -> Double {
            base * (1 + amplitude * spread * sin(x * 1.7 + phase))
        }
        let perStudent: [BalanceResource: Double] = [
            .floorArea: per(5.6 * junior, 0.12, 0), .sportsArea: per(9.4 * junior, 0.15, 1),
            .equipmentValue: per(2700 * junior, 0.18, 2), .computers: per(0.15, 0.2, 3), .books: per(38, 0.2, 4),
            .teachers: per(0.068, 0.1, 5), .teachersAboveQualification: per(0.058 * junior, 0.12, 6),
            .seniorTitleTeachers: per(0.036, 0.2, 0.5), .backboneTeachers: per(0.014, 0.3, 1.5),
            .peArtsTeachers: per(0.011, 0.15, 2.5),
            // Every third school has well-equipped classrooms, the others are short: the spread fails.
            .multimediaClassrooms: (i % 3 == 0 ? 0.075 : 0.019) * (year == years.first! ? 0.95 : 1),
        ]
        var resources: [BalanceResource: Double] = [:]
        for (resource, value) in perStudent {
            let amount = value * total
            resources[resource] = resource.isCount ? amount.rounded() : (amount * 100).rounded() / 100
        }
        return BalanceFigures(students: students, resources: resources)
    }
}
