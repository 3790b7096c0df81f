import Vapor

/// Every page's address. One enum builds both the route table (with `SiteURL.param` standing for
/// the `:id` parameter) and the links in views, so the two cannot drift apart.
enum SiteURL: Sendable, Equatable {
    /// Put in place of an id to get the route pattern instead of a link.
    static let param = Int.min

    case home, login, logout, password
    case schools, schoolNew, school(Int), schoolEdit(Int), schoolDeactivate(Int), schoolReactivate(Int)
    case schoolAssign(Int), schoolsExport(format: String)
    case inspectors, inspectorNew, inspector(Int), inspectorEdit(Int), inspectorDeactivate(Int)
    case inspectorPhoto(Int), inspectorsExport(format: String)
    case areas, areaNew, area(Int), areaEdit(Int), areaDeactivate(Int)
    case coverage
    case importPage, importSchools, importInspectors, importTemplate(kind: String)
    case audit
    case settings
    case accounts, accountNew, accountReset(Int), accountDeactivate(Int)
    case publicHome, publicSign(Int)
    case file(String)
    case stylesheet, script
    case healthz

    var path: String { "/" + components.joined(separator: "/") }

    /// The path segments; an id equal to `param` becomes `:id`.
    var components: [String] {
        func id(_ n: Int) -> String { n == SiteURL.param ? ":id" : String(n) }
        switch self {
        case .home: return []
        case .login: return ["login"]
        case .logout: return ["logout"]
        case .password: return ["account", "password"]
        case .schools: return ["schools"]
        case .schoolNew: return ["schools", "new"]
        case .school(let n): return ["schools", id(n)]
        case .schoolEdit(let n): return ["schools", id(n), "edit"]
        case .schoolDeactivate(let n): return ["schools", id(n), "deactivate"]
        case .schoolReactivate(let n): return ["schools", id(n), "reactivate"]
        case .schoolAssign(let n): return ["schools", id(n), "assign"]
        case .schoolsExport(let f): return ["schools", "export." + f]
        case .inspectors: return ["inspectors"]
        case .inspectorNew: return ["inspectors", "new"]
        case .inspector(let n): return ["inspectors", id(n)]
        case .inspectorEdit(let n): return ["inspectors", id(n), "edit"]
        case .inspectorDeactivate(let n): return ["inspectors", id(n), "deactivate"]
        case .inspectorPhoto(let n): return ["inspectors", id(n), "photo"]
        case .inspectorsExport(let f): return ["inspectors", "export." + f]
        case .areas: return ["areas"]
        case .areaNew: return ["areas", "new"]
        case .area(let n): return ["areas", id(n)]
        case .areaEdit(let n): return ["areas", id(n), "edit"]
        case .areaDeactivate(let n): return ["areas", id(n), "deactivate"]
        case .coverage: return ["coverage"]
        case .importPage: return ["import"]
        case .importSchools: return ["import", "schools"]
        case .importInspectors: return ["import", "inspectors"]
        case .importTemplate(let kind): return ["import", "template", kind]
        case .audit: return ["audit"]
        case .settings: return ["settings"]
        case .accounts: return ["accounts"]
        case .accountNew: return ["accounts", "new"]
        case .accountReset(let n): return ["accounts", id(n), "reset"]
        case .accountDeactivate(let n): return ["accounts", id(n), "deactivate"]
        case .publicHome: return ["public"]
        case .publicSign(let n): return ["public", "schools", id(n), "sign"]
        case .file(let hash): return ["files", hash == String(SiteURL.param) ? ":hash" : hash]
        case .stylesheet: return ["assets", "app.css"]
        case .script: return ["assets", "app.js"]
        case .healthz: return ["healthz"]
        }
    }

    /// The route pattern for Vapor.
    var route: [PathComponent] { components.map { PathComponent(stringLiteral: $0) } }

    /// A link with a query string (empty values dropped).
    func with(_ query: [(String, String)]) -> String {
        let items = query.filter { !$0.1.isEmpty }
        guard !items.isEmpty else { return path }
        var c = URLComponents()
        c.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        return path + "?" + (c.percentEncodedQuery ?? "")
    }
}
