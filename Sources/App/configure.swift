import DudaoCore
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

struct ConfigKey: StorageKey { typealias Value = AppConfig }
struct AttachmentStoreKey: StorageKey { typealias Value = any AttachmentStore }

extension Application {
    var config: AppConfig {
        get { storage[ConfigKey.self]! }
        set { storage[ConfigKey.self] = newValue }
    }
    var attachments: any AttachmentStore {
        get { storage[AttachmentStoreKey.self]! }
        set { storage[AttachmentStoreKey.self] = newValue }
    }
}

extension Request {
    var attachments: any AttachmentStore { application.attachments }
}

/// Sets up the database, sessions, middleware and routes. Does not migrate or seed.
public func configure(_ app: Application, _ config: AppConfig) async throws {
    app.config = config
    app.figuresCaches = FiguresCaches(lifetime: TimeInterval(config.figuresCacheSeconds))
    app.orgUnits = OrgUnitCache()
    try FileManager.default.createDirectory(atPath: config.dataDir, withIntermediateDirectories: true)
    app.attachments =
        config.attachmentsInDatabase
        ? DatabaseAttachmentStore(app) : DiskAttachmentStore(root: config.dataDir + "/files")

    switch config.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url, let schema):
        var pg = try SQLPostgresConfiguration(url: url)
        if let schema { pg.searchPath = [schema] }
        app.databases.use(
            .postgres(configuration: pg, maxConnectionsPerEventLoop: AppMetrics.connectionsPerEventLoop), as: .psql)
    }

    app.migrations.add(M001_Directory())
    app.migrations.add(M002_Accounts())
    app.migrations.add(SessionRecord.migration)
    app.migrations.add(M003_Visits())
    app.migrations.add(M004_Rectification())
    app.migrations.add(M005_Complaints())
    app.migrations.add(M006_Sessions())
    app.migrations.add(M007_JobClaims())
    app.migrations.add(M008_SchemaRepair())
    app.migrations.add(M009_Accountability())
    app.migrations.add(M010_ThemeCalendar())
    app.migrations.add(M011_TermDates())
    app.migrations.add(M012_UrgentCategories())
    app.migrations.add(M013_SettingsLists())
    app.migrations.add(M014_OfficeVisits())
    app.migrations.add(M015_InspectorDuties())
    app.migrations.add(M016_ComplaintSubmission())
    app.migrations.add(M017_FormSubmissions())
    app.migrations.add(M018_PhotoSubjects())
    app.migrations.add(M019_IndicatorSystems())
    app.migrations.add(M020_Campaigns())
    app.migrations.add(M021_Questionnaires())
    app.migrations.add(M022_CampaignResults())
    app.migrations.add(M023_Balance())
    app.migrations.add(M024_MonthlyReports())
    app.migrations.add(M025_Bulletins())
    app.migrations.add(M026_QualityMonitoring())
    app.migrations.add(M027_DashboardIndexes())
    app.migrations.add(M028_MonitoringStepFiles())
    app.migrations.add(M029_ThemeChecklists())
    app.migrations.add(M030_AttachmentBlobs())
    app.migrations.add(M031_JobRuns())
    app.migrations.add(M032_SyncIndexes())
    app.migrations.add(M033_SevereProblemIndex())
    app.migrations.add(M034_SevereProblemIndexByScope())
    app.migrations.add(M035_SyncedRecords())
    app.migrations.add(M036_DashboardCoveringIndexes())
    app.migrations.add(M037_WorkReportUpdates())
    app.migrations.add(M038_ProblemDraftFlag())
    app.migrations.add(M039_DashboardGroupingIndexes())
    app.migrations.add(M040_CampaignCityRecheck())
    app.migrations.add(M041_CampaignSelfScores())
    app.migrations.add(M042_SchoolNameOrderIndex())
    app.migrations.add(M043_OpenDeadlineCoveringIndexes())
    app.migrations.add(M044_WeekSevereProblemsIndex())
    app.migrations.add(M045_SchoolIDOrderIndex())
    app.migrations.add(M046_NarrowLookupIndexes())
    app.migrations.add(M047_NoticeDeadlineIndex())
    app.migrations.add(M048_OpenNoticeDeadlineIndex())
    app.migrations.add(M049_OpenComplaintDeadlineIndex())

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = ByteCount(value: RouteLimits.formBytes)

    let loops = app.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 }
    let perLoop: Int
    if case .postgres = config.database { perLoop = AppMetrics.connectionsPerEventLoop } else { perLoop = 1 }
    app.storage[AppMetricsKey.self] = AppMetrics(poolSize: loops * perLoop)
    app.middleware = .init()
    app.middleware.use(MetricsMiddleware(metrics: app.metrics))
    app.middleware.use(SecurityHeadersMiddleware())
    // Outside the error pages, so an error page's cookies (CSRF token, shown flash) are written too.
    app.middleware.use(SessionMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(CSRFMiddleware())

    try routes(app)
    EscalationJob.schedule(app)
}

/// Prepares the database: for SQLite WAL mode, then the migrations.
public func prepareDatabase(_ app: Application) async throws {
    if case .postgres(_, let schema?) = app.config.database, let sql = app.db as? any SQLDatabase {
        try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
    }
    if case .sqliteFile = app.config.database, let sql = app.db as? any SQLDatabase {
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await setUpSQLiteConnections(app)
    }
    try await app.autoMigrate()
}

/// `journal_mode` belongs to the file, but `synchronous` to a connection: each event loop's pool holds one SQLite
/// connection (Fluent's SQLite driver keeps it for the application's life), and each is set to NORMAL. With only the
/// connection that ran the migrations set, the other synced the log to disk at every commit (`strace`: 273 fsyncs
/// for 459 visit writes). NORMAL in WAL mode loses no committed transaction when the process is killed (the SIGKILL
/// test), only, at worst, the last ones when the machine itself loses power.
func setUpSQLiteConnections(_ app: Application) async throws {
    for loop in app.eventLoopGroup.makeIterator() {
        guard let sql = app.databases.database(.sqlite, logger: app.logger, on: loop) as? any SQLDatabase else {
            continue
        }
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }
}
