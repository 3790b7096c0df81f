import DudaoCore
import Fluent
import SQLKit
import Vapor

/// The demo district, seeded on the first start of an empty database. Deterministic: the same
/// names, numbers and assignments every time.
enum DemoSeed {
    static let password = "dudao2026"
    static let logins: [(String, String)] = [
        ("admin", "平台管理员"), ("office", "督导室"), ("inspector", "责任督学 王建华"), ("school", "城关街道中心小学"),
        ("leader", "教育局领导"), ("city", "市督导室（市级抽评）"),
    ]

    /// Seeds when there is no org unit yet. Outside demo mode only an administrator is created,
    /// with a random password that must be changed at first login.
    static func seedIfEmpty(
        _ db: any Database, config: AppConfig, store: any AttachmentStore, logger: Logger
    ) async throws -> Bool {
        guard try await OrgUnit.query(on: db).count() == 0 else { return false }
        if config.demo {
            try await seed(db, cost: config.bcryptCost, store: store, campaigns: true)
        } else {
            let temp = AccountsController.temporaryPassword()
            try await db.transaction { db in
                let city = OrgUnit(name: "本市", level: .city, parent: nil)
                try await city.create(on: db, parentPath: "/")
                try await User(
                    username: "admin", passwordHash: try Bcrypt.hash(temp, cost: config.bcryptCost),
                    displayName: "平台管理员", role: .admin, org: city, mustChangePassword: true
                ).save(on: db)
            }
            print("已创建管理员账号 admin，临时密码：\(temp)（首次登录须修改）")
        }
        return true
    }

    struct SchoolSeed {
        let name: String
        let type: SchoolType
        let ownership: Ownership
        let students: Int
        let sections: [SchoolSection: Int]
    }

    static let townships = ["城关街道", "东湖街道", "临江镇", "白沙镇", "石桥乡"]

    static func schoolSeeds(for township: String, index t: Int) -> [SchoolSeed] {
        let short = township.replacingOccurrences(of: "街道", with: "").replacingOccurrences(of: "镇", with: "")
            .replacingOccurrences(of: "乡", with: "")
        var list: [SchoolSeed] = [
            .init(
                name: "\(township)中心小学", type: .primary, ownership: .publicSchool, students: 1180 - t * 90,
                sections: [:]),
            .init(
                name: "\(short)实验小学", type: .primary, ownership: .publicSchool, students: 860 + t * 40, sections: [:]),
            .init(
                name: "\(short)初级中学", type: .junior, ownership: .publicSchool, students: 1020 - t * 60, sections: [:]),
            .init(
                name: "\(township)中心幼儿园", type: .kindergarten, ownership: .publicSchool, students: 360 - t * 20,
                sections: [:]),
            .init(
                name: "\(short)阳光幼儿园", type: .kindergarten, ownership: .privateSchool, students: 210 + t * 15,
                sections: [:]),
            .init(
                name: "\(short)第二小学", type: .primary, ownership: .publicSchool, students: 540 + t * 25, sections: [:]),
            .init(
                name: "\(short)学校", type: .nineYear, ownership: .publicSchool, students: 1280 - t * 50,
                sections: [.primary: 820 - t * 30, .junior: 460 - t * 20]),
        ]
        if t == 0 {
            list.append(
                .init(
                    name: "青川区第一中学", type: .complete, ownership: .publicSchool, students: 2460,
                    sections: [.junior: 1050, .senior: 1410]))
            list.append(
                .init(name: "青川区特殊教育学校", type: .special, ownership: .publicSchool, students: 126, sections: [:]))
        }
        if t == 4 {
            list.append(
                .init(name: "石桥乡柳树湾教学点", type: .teachingPoint, ownership: .publicSchool, students: 38, sections: [:]))
        }
        if t == 2 {
            list.append(
                .init(name: "临江镇启明双语幼儿园", type: .kindergarten, ownership: .privateSchool, students: 180, sections: [:]))
        }
        return list
    }

    static let principals = [
        "陈志远", "林晓红", "郑国平", "孙丽华", "马建军", "朱海涛", "胡雪梅", "郭永胜", "何静", "高伟",
        "罗春兰", "梁志刚", "宋玉芳", "谢卫东", "韩冬梅", "唐明亮", "冯晓燕", "于洪涛", "董丽萍", "萧建平",
    ]

    struct InspectorSeed {
        let name: String
        let kind: InspectorKind
        var roles: [InspectorDuty] = [.inspector, .responsible]
        let gender: Gender
        let employer: String
        let post: String
        let terms: [(String, String)]
    }

    static let inspectors: [InspectorSeed] = [
        .init(
            name: "王建华", kind: .fullTime, gender: .male, employer: "青川区教育督导室", post: "专职督学",
            terms: [("2024-09-01", "2027-08-31")]),
        .init(
            name: "李秀英", kind: .partTime, gender: .female, employer: "青川区教师发展中心", post: "小学语文教研员",
            terms: [("2023-09-01", "2026-08-31"), ("2026-09-01", "2029-08-31")]),
        .init(
            name: "张志强", kind: .partTime, gender: .male, employer: "城关初级中学", post: "退休校长",
            terms: [("2024-09-01", "2027-08-31")]),
        .init(
            name: "刘芳", kind: .partTime, roles: [.responsible], gender: .female, employer: "青川区教育局", post: "基础教育科副科长",
            terms: [("2025-03-01", "2028-02-29")]),
        .init(
            name: "陈国庆", kind: .fullTime, gender: .male, employer: "青川区教育督导室", post: "督导室副主任",
            terms: [("2024-09-01", "2027-08-31")]),
        .init(
            name: "杨丽娟", kind: .partTime, gender: .female, employer: "东湖中心幼儿园", post: "园长",
            terms: [("2024-09-01", "2027-08-31")]),
        .init(
            name: "赵文斌", kind: .partTime, gender: .male, employer: "青川区教育局", post: "安全科科长",
            terms: [("2025-09-01", "2028-08-31")]),
        .init(
            name: "黄海燕", kind: .partTime, roles: [.special], gender: .female, employer: "青川区人大常委会", post: "教科文卫工委委员",
            terms: [("2025-09-01", "2028-08-31")]),
        .init(
            name: "周明", kind: .partTime, gender: .male, employer: "白沙镇中心小学", post: "原副校长",
            terms: [
                ("2017-09-01", "2020-08-31"), ("2020-09-01", "2023-08-31"), ("2023-09-01", "2026-08-31"),
                ("2026-09-01", "2029-08-31"),
            ]),
        .init(
            name: "吴晓梅", kind: .partTime, gender: .female, employer: "青川区教师发展中心", post: "学前教育教研员",
            terms: [("2024-09-01", "2027-08-31")]),
    ]

    /// `campaigns` adds the demo's 督导任务 (many writes): for the demo server, not for tests, which make their own.
    static func seed(
        _ db: any Database, cost: Int, store: (any AttachmentStore)? = nil, history: Bool = true,
        campaigns: Bool = false
    ) async throws {
        let hash = try Bcrypt.hash(password, cost: cost)
        try await db.transaction { db in
            // Files kept in the database go in with the rest (another connection would wait for this transaction).
            let store = store?.within(db)
            let city = OrgUnit(name: "江南市", level: .city, parent: nil)
            try await city.create(on: db, parentPath: "/")
            let district = OrgUnit(name: "青川区", level: .district, parent: city)
            try await district.create(on: db, parentPath: city.path)
            // Every new district starts from the built-in indicator systems (dated at the semester's start).
            try await IndicatorLibrary.installBuiltIns(
                district: district, at: Day(year: 2026, month: 9, day: 1)!.date(hour: 8), on: db)
            var schools: [School] = []
            for (t, name) in townships.enumerated() {
                let township = OrgUnit(name: name, level: .township, parent: district)
                township.parentID = district.id
                try await township.create(on: db, parentPath: district.path)
                for (k, seed) in schoolSeeds(for: name, index: t).enumerated() {
                    let s = School()
                    let n = schools.count
                    s.code = String(format: "31%02d%06d", 15, 100 + n * 7)
                    s.name = seed.name
                    s.type = seed.type
                    s.ownership = seed.ownership
                    s.townshipID = township.id!
                    s.districtID = district.id!
                    s.orgPath = township.path
                    s.address = "\(name)\(["人民路", "文昌路", "建设路", "学府路", "育才路"][k % 5])\(12 + n * 3)号"
                    s.principal = principals[n % principals.count]
                    s.phone = String(format: "0573-8%07d", 2_100_000 + n * 137)
                    s.students = seed.students
                    s.sectionStudents = School.encodeSections(seed.sections)
                    s.classes = max(1, seed.students / (seed.type == .kindergarten ? 28 : 42))
                    s.staff = max(3, seed.students / (seed.type == .kindergarten ? 9 : 14))
                    s.status = .open
                    try await s.save(on: db)
                    schools.append(s)
                }
            }
            // The office loaded the example 行事历 for 2026 (and the autumn months of 2025 for last term); 春季开学
            // and the 课业负担 month name their built-in systems as the 主题检查表 of routine visits.
            let checklists = try await IndicatorTemplate.query(on: db).filter(\.$districtID == district.id!)
                .filter(\.$builtInKey ~~ ["01-kaixue-shige-daowei", "02-wuxiang-shuangjian"]).sort(\.$builtInKey).all()
            for year in [2025, 2026] {
                let months = MonthlyTheme.example.filter { year == 2026 || $0.key >= 9 }.map {
                    MonthTheme(month: $0.key, theme: $0.value, focus: "")
                }
                let templates =
                    year == 2026 ? Dictionary(uniqueKeysWithValues: zip([2, 4], checklists.compactMap(\.id))) : [:]
                try await ThemeMonth.replace(
                    districtID: district.id!, year: year, with: months, templates: templates, on: db)
            }
            var inspectorModels: [Inspector] = []
            for (n, seed) in inspectors.enumerated() {
                let i = Inspector()
                i.districtID = district.id!
                i.orgPath = district.path
                i.name = seed.name
                i.kind = seed.kind
                i.roles = InspectorDuty.stored(seed.roles)
                i.gender = seed.gender
                i.phone = String(format: "139%08d", 57_120_000 + n * 1_013)
                i.employer = seed.employer
                i.post = seed.post
                i.termStart = seed.terms.last?.0
                i.termEnd = seed.terms.last?.1
                i.duties = Inspector.defaultDuties
                i.status = .active
                try await i.save(on: db)
                for (start, end) in seed.terms {
                    let term = InspectorTerm()
                    term.inspectorID = i.id!
                    term.startDate = start
                    term.endDate = end
                    try await term.save(on: db)
                }
                inspectorModels.append(i)
            }
            // 挂牌: schools dealt out in order, four to each, leaving the last two uncovered on purpose. A 特约督学
            // (from the People's Congress) holds no school: the district does not let one be responsible.
            let start = Day(year: 2026, month: 9, day: 1)!
            let responsible = inspectorModels.filter { !$0.dutyList.contains(.special) }
            for (n, school) in schools.dropLast(2).enumerated() {
                let inspector = responsible[min(n / 4, responsible.count - 1)]
                try await Assignment(inspectorID: inspector.id!, schoolID: school.id!, start: start, note: "2026学年挂牌")
                    .save(on: db)
            }
            // An earlier assignment, ended, so the history shows a change.
            let earlier = Assignment(
                inspectorID: inspectorModels[4].id!, schoolID: schools[0].id!,
                start: Day(year: 2023, month: 9, day: 1)!, note: "2023学年挂牌")
            earlier.endDate = "2026-08-31"
            try await earlier.save(on: db)

            for (n, (name, lead)) in [("第一责任区（城区片）", 0), ("第二责任区（东片）", 2), ("第三责任区（西片）", 4)].enumerated() {
                let area = ResponsibilityArea()
                area.districtID = district.id!
                area.orgPath = district.path
                area.name = name
                area.leadInspectorID = inspectorModels[lead].id
                area.note = "负责\(townships[min(n * 2, 4)])等镇街的学校"
                area.active = true
                try await area.save(on: db)
                for s in schools.enumerated() where s.offset % 3 == n {
                    s.element.areaID = area.id
                    try await s.element.save(on: db)
                }
            }

            let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
            settings.officeName = "青川区人民政府教育督导室"
            settings.maxSchoolsPerInspector = 5
            settings.complaintPhone = "0573-82106688"
            settings.complaintChannel = "电子邮箱 qcdd@example.cn；教育局一楼意见箱"
            settings.responsiblePerson = "督导室主任 陈立新"
            settings.responsiblePhone = "0573-82106601"
            settings.termDates = "2025-09-01~2026-01-23\n2026-03-02~2026-07-10\n2026-09-01~2027-01-22"
            try await settings.save(on: db)

            func account(_ username: String, _ name: String, _ role: Role, _ org: OrgUnit) -> User {
                User(
                    username: username, passwordHash: hash, displayName: name, role: role, org: org,
                    mustChangePassword: false)
            }
            try await account("admin", "平台管理员", .admin, city).save(on: db)
            // The city's office: re-checks a sample of the district's assessments (市级抽评).
            try await account("city", "江南市教育督导室 周慧", .office, city).save(on: db)
            try await account("office", "督导室 陈立新", .office, district).save(on: db)
            try await account("leader", "分管副局长 沈建国", .leader, district).save(on: db)
            let insp = account("inspector", "王建华", .inspector, district)
            insp.inspectorID = inspectorModels[0].id
            try await insp.save(on: db)
            let schoolUser = account("school", "城关街道中心小学 陈志远", .school, district)
            schoolUser.schoolID = schools[0].id
            schoolUser.orgPath = schools[0].orgPath
            schoolUser.orgUnitID = schools[0].townshipID
            try await schoolUser.save(on: db)
            if history {
                let office = try await User.query(on: db).filter(\.$username == "office").first()!
                try await DemoHistory.seed(
                    db, district: district, schools: schools, inspectors: inspectorModels, office: office, store: store)
                // A problem was found on its visit's day (the history is written today, all at once).
                if let sql = db as? any SQLDatabase {
                    try await sql.raw(
                        "UPDATE problems SET created_at = (SELECT v.submitted_at FROM visits v WHERE v.id = problems.visit_id) WHERE visit_id IS NOT NULL"
                    ).run()
                    try await sql.raw("UPDATE problems SET updated_at = created_at").run()
                }
                try await DemoBalance.seed(db, district: district, schools: schools)
                try await DemoReports.seed(db, district: district, inspectors: inspectorModels, office: office)
                try await DemoBulletins.seed(db, district: district)
                try await DemoMonitoring.seed(db, district: district)
                if campaigns {
                    try await DemoCampaigns.seed(
                        db, district: district, schools: schools, inspectors: inspectorModels, office: office,
                        store: store)
                }
            }
        }
    }
}
