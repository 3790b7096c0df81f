import DudaoCore
import Fluent
import SQLKit
import Vapor

/// `dudao seed --scale N`: a province-sized directory for benchmarks, written with batched SQL
/// into an empty database: N schools in districts of 200, one inspector per five schools,
/// assignments (1% of schools left uncovered), ten responsibility areas per district.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "Number of schools to generate (e.g. 20000)")
        var scale: Int?

        @Flag(
            name: "with-visits",
            help:
                "Also generate a school year of records: submitted visits (one per school per school month) with photos, notices, complaints, decisions, monthly reports, balance returns, bulletins and a finished campaign"
        )
        var withVisits: Bool
    }

    var help: String { "生成演示数据（--scale N 生成 N 所学校的大规模数据，用于性能测试）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard try await OrgUnit.query(on: app.db).count() == 0 else {
            context.console.error("数据库不是空的，未生成任何数据。请使用新的 DATA_DIR 或空数据库。")
            return
        }
        guard let n = signature.scale else {
            try await DemoSeed.seed(app.db, cost: app.config.bcryptCost)
            context.console.print("已生成演示区县数据")
            return
        }
        guard n > 0, n <= 200_000 else {
            context.console.error("--scale 应为 1 到 200000 之间的整数")
            return
        }
        // Durations by the monotonic clock; the records' times from the application's clock.
        let timer = ContinuousClock()
        let started = timer.now
        try await ScaleSeed.run(app.db, schools: n, cost: app.config.bcryptCost, now: app.clock.now())
        context.console.print(
            String(format: "已生成 %d 所学校、%d 名督学，用时 %.1f 秒", n, max(1, n / 5), (timer.now - started).seconds))
        if signature.withVisits {
            let t = timer.now
            let count = try await ScaleSeed.visits(app.db, schools: n, today: app.clock.today, now: app.clock.now())
            context.console.print(String(format: "已生成 %d 条督导记录（含听课、访谈），用时 %.1f 秒", count, (timer.now - t).seconds))
            guard let sql = app.db as? any SQLDatabase else { return }
            let records = ScaleRecords(
                db: app.db, sql: sql, schools: n, today: app.clock.today, now: app.clock.now(), store: app.attachments,
                report: { context.console.print($0) })
            let r = timer.now
            try await records.run()
            context.console.print(String(format: "已生成其余业务数据，用时 %.1f 秒", (timer.now - r).seconds))
        }
    }
}

enum ScaleSeed {
    static let perDistrict = 200
    static let townshipsPerDistrict = 10
    static let batch = 500

    // Org unit ids as `run` assigns them: the city is 1, then each district followed by its townships.

    /// The id of the district with index `d` (0-based).
    static func districtID(index d: Int) -> Int { 2 + d * (townshipsPerDistrict + 1) }

    /// The index (0-based) of the district with this id.
    static func districtIndex(ofID id: Int) -> Int { (id - 2) / (townshipsPerDistrict + 1) }

    /// The district and township ids of school number `school` (1-based).
    static func place(ofSchool school: Int) -> (district: Int, township: Int) {
        let district = districtID(index: (school - 1) / perDistrict)
        return (district, district + 1 + (school - 1) % townshipsPerDistrict)
    }

    /// The district index of inspector number `k` (0-based) among `n` schools: five schools each, in order.
    static func districtIndex(ofInspector k: Int, schools n: Int) -> Int {
        min(k * 5 / perDistrict, (n - 1) / perDistrict)
    }

    static func run(_ db: any Database, schools n: Int, cost: Int, now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let districts = (n + perDistrict - 1) / perDistrict
        // Ids are assigned here, in order (`districtID`, `place`), so rows can reference each other without reading
        // back.
        var orgRows: [[any Encodable & Sendable]] = [[1, "示例省", "city", nil as Int?, "/1/", now]]
        for d in 0..<districts {
            let did = districtID(index: d)
            orgRows.append([did, "第\(d + 1)区县", "district", 1, "/1/\(did)/", now])
            for t in 0..<townshipsPerDistrict {
                let tid = did + 1 + t
                orgRows.append([tid, "第\(d + 1)区县第\(t + 1)镇", "township", did, "/1/\(did)/\(tid)/", now])
            }
        }
        try await insert(sql, "org_units", ["id", "name", "level", "parent_id", "path", "created_at"], orgRows)
        // Every district starts from the built-in indicator systems, as a new district does.
        for district in try await OrgUnit.query(on: db).filter(\.$level == .district).all() {
            try await IndicatorLibrary.installBuiltIns(district: district, at: now, on: db)
        }

        let types: [SchoolType] = [
            .primary, .primary, .primary, .junior, .kindergarten, .kindergarten, .nineYear, .teachingPoint, .complete,
            .special,
        ]
        var schoolRows: [[any Encodable & Sendable]] = []
        for i in 0..<n {
            let d = i / perDistrict
            let (did, tid) = place(ofSchool: i + 1)
            let type = types[i % types.count]
            let students = 80 + (i * 7919) % 2400
            let sections =
                type == .nineYear ? "junior:\(students * 4 / 10);primary:\(students - students * 4 / 10)" : ""
            schoolRows.append([
                i + 1, String(format: "3%09d", i + 1), "第\(d + 1)区县第\(i % perDistrict + 1)\(type.label)", type.rawValue,
                i % 9 == 0 ? "private" : "public", tid, did, "/1/\(did)/\(tid)/", nil as Int?, "示例路\(i % 500 + 1)号",
                "校长\(i % 997)", String(format: "0571-8%07d", i % 10_000_000), students, sections, max(1, students / 40),
                max(3, students / 13), "open", now, now,
            ])
            if schoolRows.count == batch {
                try await insertSchools(sql, schoolRows)
                schoolRows.removeAll(keepingCapacity: true)
            }
        }
        if !schoolRows.isEmpty { try await insertSchools(sql, schoolRows) }

        let inspectorsCount = max(1, n / 5)
        var inspectorRows: [[any Encodable & Sendable]] = []
        var assignmentRows: [[any Encodable & Sendable]] = []
        let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
        let given = ["建华", "秀英", "志强", "芳", "国庆", "丽娟", "文斌", "海燕", "明", "晓梅", "伟", "静"]
        for k in 0..<inspectorsCount {
            let d = districtIndex(ofInspector: k, schools: n)
            let did = districtID(index: d)
            inspectorRows.append([
                k + 1, did, "/1/\(did)/", "\(surnames[k % surnames.count])\(given[(k / surnames.count) % given.count])",
                ["fullTime", "partTime", "partTime", "partTime", "partTime"][k % 5],
                [
                    "inspector,responsible", "inspector,responsible", "responsible", "responsible",
                    "responsible,special",
                ][
                    k % 5],
                k % 2 == 0 ? "male" : "female",
                String(format: "13%09d", k), nil as String?, "第\(d + 1)区县教育局", "督学", "2025-09-01", "2028-08-31",
                Inspector.defaultDuties, "active", now, now,
            ])
            if inspectorRows.count == batch {
                try await insert(sql, "inspectors", inspectorColumns, inspectorRows)
                inspectorRows.removeAll(keepingCapacity: true)
            }
        }
        if !inspectorRows.isEmpty { try await insert(sql, "inspectors", inspectorColumns, inspectorRows) }
        var assignmentID = 0
        for k in 0..<inspectorsCount {
            for j in 0..<5 {
                let school = k * 5 + j + 1
                // Every hundredth school is left without an inspector, as real districts have gaps.
                if school <= n, school % 100 != 0 {
                    assignmentID += 1
                    assignmentRows.append([assignmentID, k + 1, school, "2025-09-01", nil as String?, "", now])
                }
            }
            if assignmentRows.count >= batch {
                try await insert(sql, "assignments", assignmentColumns, assignmentRows)
                assignmentRows.removeAll(keepingCapacity: true)
            }
        }
        if !assignmentRows.isEmpty { try await insert(sql, "assignments", assignmentColumns, assignmentRows) }

        try await fixSequences(sql, tables: ["org_units", "schools", "inspectors", "assignments"])

        let hash = try Bcrypt.hash(DemoSeed.password, cost: cost)
        guard let city = try await OrgUnit.find(1, on: db), let firstDistrict = try await OrgUnit.find(2, on: db) else {
            return
        }
        try await User(
            username: "admin", passwordHash: hash, displayName: "平台管理员", role: .admin, org: city,
            mustChangePassword: false
        ).save(on: db)
        try await User(
            username: "office", passwordHash: hash, displayName: "省督导室", role: .office, org: city,
            mustChangePassword: false
        ).save(on: db)
        try await User(
            username: "leader", passwordHash: hash, displayName: "领导", role: .leader, org: firstDistrict,
            mustChangePassword: false
        ).save(on: db)
        // The first district's own office, for its campaigns and for pages as a county office sees them.
        try await User(
            username: "county", passwordHash: hash, displayName: "第1区县督导室", role: .office, org: firstDistrict,
            mustChangePassword: false
        ).save(on: db)
        let insp = User(
            username: "inspector", passwordHash: hash, displayName: "督学", role: .inspector, org: firstDistrict,
            mustChangePassword: false)
        insp.inspectorID = 1
        try await insp.save(on: db)
        // The first school's account, for benchmarks of a school's pages.
        if let school = try await School.find(1, on: db),
            let township = try await OrgUnit.find(school.townshipID, on: db)
        {
            let account = User(
                username: "school", passwordHash: hash, displayName: school.name, role: .school, org: township,
                mustChangePassword: false)
            account.schoolID = school.id
            account.orgPath = school.orgPath
            try await account.save(on: db)
        }
    }

    /// A school year of visits up to this month: one per covered school per school month (Jul/Aug off),
    /// with one observation and two interviews each; about 3% of school months skipped, 2% of visits
    /// without an observation, so the compliance views have something to show.
    static func visits(_ db: any Database, schools n: Int, today: Day, now: Date) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        var months: [YearMonth] = []
        var m = YearMonth(today)
        while months.count < 10 {
            if ![7, 8].contains(m.month) { months.append(m) }
            m = m.previous
        }
        months.reverse()
        var visitRows: [[any Encodable & Sendable]] = []
        var obsRows: [[any Encodable & Sendable]] = []
        var interviewRows: [[any Encodable & Sendable]] = []
        var problemRows: [[any Encodable & Sendable]] = []
        var visitID = 0
        var obsID = 0
        var interviewID = 0
        var problemID = 0
        let categories = ProblemCategories.defaults
        func flush(force: Bool) async throws {
            if visitRows.count >= batch || (force && !visitRows.isEmpty) {
                try await insert(
                    sql, "visits",
                    [
                        "id", "school_id", "org_path", "inspector_id", "visit_date", "start_time", "end_time", "kind",
                        "theme", "visit_plan_id", "summary", "highlights", "checks", "status", "submitted_at",
                        "created_at", "updated_at",
                    ], visitRows)
                visitRows.removeAll(keepingCapacity: true)
                try await insert(
                    sql, "class_observations",
                    ["id", "visit_id", "kind", "class_name", "subject", "teacher", "topic", "scores", "comment"],
                    obsRows)
                obsRows.removeAll(keepingCapacity: true)
                try await insert(
                    sql, "interviews", ["id", "visit_id", "interview_group", "people", "notes", "internal"],
                    interviewRows)
                interviewRows.removeAll(keepingCapacity: true)
                try await insert(
                    sql, "problems",
                    [
                        "id", "visit_id", "school_id", "org_path", "inspector_id", "category", "severity",
                        "disposition",
                        "description", "state", "created_at", "updated_at", "referral_department", "referral_reply",
                    ], problemRows)
                problemRows.removeAll(keepingCapacity: true)
            }
        }
        for school in 1...n where school % 100 != 0 {
            let inspector = (school - 1) / 5 + 1
            let (did, tid) = place(ofSchool: school)
            for (k, month) in months.enumerated() {
                if (school * 31 + k * 17) % 33 == 0 { continue }
                let day = min(month.dayCount, 1 + (school % 27))
                guard let date = Day(year: month.year, month: month.month, day: day), date <= today else { continue }
                // Stamped on the day of the visit, as a real year of records is (the dashboard counts by month).
                let stamp = min(date.date(hour: 12), now)
                visitID += 1
                visitRows.append([
                    visitID, school, "/1/\(did)/\(tid)/", inspector, date.description, "08:30", "11:30", "routine",
                    MonthlyTheme.example[month.month] ?? "", nil as Int?, "常规督导：听课、查阅作业、座谈。", "", "{}", "submitted",
                    stamp, stamp, stamp,
                ])
                if (visitID * 7) % 50 != 0 {
                    obsID += 1
                    obsRows.append([obsID, visitID, "lesson", "四（1）班", "数学", "教师", "课题", "{}", ""])
                }
                interviewID += 1
                interviewRows.append([interviewID, visitID, "teachers", 2, "", false])
                interviewID += 1
                interviewRows.append([interviewID, visitID, "students", (visitID % 40 == 0) ? 1 : 3, "", false])
                // About 1.25 problems per visit, older ones mostly closed.
                for p in 0..<(visitID % 4 == 0 ? 2 : 1) {
                    problemID += 1
                    let category = categories[(visitID + p) % categories.count]
                    problemRows.append([
                        problemID, visitID, school, "/1/\(did)/\(tid)/", inspector, category,
                        ["minor", "minor", "serious", "urgent"][(visitID + p) % 4],
                        ["rectify", "rectify", "suggest", "refer"][(visitID * 3 + p) % 4],
                        "\(category)方面的问题（第\(visitID)次督导发现）", k < months.count - 2 ? "closed" : "open", stamp, stamp,
                        "", "",
                    ])
                }
                try await flush(force: false)
            }
        }
        try await flush(force: true)
        try await fixSequences(sql, tables: ["visits", "class_observations", "interviews", "problems"])
        return visitID
    }

    static let inspectorColumns = [
        "id", "district_id", "org_path", "name", "kind", "roles", "gender", "phone", "photo", "employer", "post",
        "term_start", "term_end", "duties", "status", "created_at", "updated_at",
    ]
    static let assignmentColumns = ["id", "inspector_id", "school_id", "start_date", "end_date", "note", "created_at"]

    static func insertSchools(_ sql: any SQLDatabase, _ rows: [[any Encodable & Sendable]]) async throws {
        try await insert(
            sql, "schools",
            [
                "id", "code", "name", "type", "ownership", "township_id", "district_id", "org_path", "area_id",
                "address", "principal", "phone", "students", "section_students", "classes", "staff", "status",
                "created_at", "updated_at",
            ], rows)
    }

    static func insert(
        _ sql: any SQLDatabase, _ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]
    ) async throws {
        for chunk in rows.chunked(batch) {
            let insert = sql.insert(into: table).columns(columns)
            for row in chunk {
                let values: [any SQLExpression] = row.map { value in SQLBind(value) }
                insert.values(values)
            }
            try await insert.run()
        }
    }

    /// After inserting explicit ids, PostgreSQL's sequences must move past them.
    static func fixSequences(_ sql: any SQLDatabase, tables: [String]) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        for t in tables {
            try await sql.raw(
                "SELECT setval(pg_get_serial_sequence('\(unsafeRaw: t)', 'id'), (SELECT MAX(id) FROM \(ident: t)))"
            ).run()
        }
    }
}
