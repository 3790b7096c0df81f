import DudaoCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The organisation tree's nodes as the accounts' requests look them up: an office's every page reads its own node
/// and its district. The tree is written only by the seed and the migrations, never by a request, so a node read
/// once stays right for the life of the process. A seed run against a live database adds nodes but changes none; a
/// feature that came to edit the tree while the server runs would have to call `forget()` on every instance.
final class OrgUnitCache: Sendable {
    /// What a node is, kept as a value (a model is a mutable class, not to be shared between requests).
    struct Node: Sendable {
        let id: Int
        let name: String
        let level: OrgLevel
        let parentID: Int?
        let path: String
        let createdAt: Date?

        init(_ unit: OrgUnit) {
            (id, name, level, parentID, path, createdAt) = (
                unit.id!, unit.name, unit.level, unit.parentID, unit.path, unit.createdAt
            )
        }

        /// A fresh model of the node for the caller to read.
        var unit: OrgUnit {
            let unit = OrgUnit()
            (unit.id, unit.name, unit.level, unit.parentID, unit.path, unit.createdAt) = (
                id, name, level, parentID, path, createdAt
            )
            return unit
        }
    }

    /// The nodes by id, and each account node's district by the node's id.
    private let nodes = NIOLockedValueBox<[Int: Node]>([:])
    private let districts = NIOLockedValueBox<[Int: Node]>([:])

    func node(_ id: Int, load: () async throws -> OrgUnit?) async throws -> OrgUnit? {
        if let kept = nodes.withLockedValue({ $0[id] }) { return kept.unit }
        guard let unit = try await load() else { return nil }
        nodes.withLockedValue { $0[id] = Node(unit) }
        return unit
    }

    func district(of nodeID: Int, load: () async throws -> OrgUnit) async throws -> OrgUnit {
        if let kept = districts.withLockedValue({ $0[nodeID] }) { return kept.unit }
        let district = try await load()
        districts.withLockedValue { $0[nodeID] = Node(district) }
        return district
    }

    func forget() {
        nodes.withLockedValue { $0 = [:] }
        districts.withLockedValue { $0 = [:] }
    }
}

struct OrgUnitCacheKey: StorageKey { typealias Value = OrgUnitCache }

extension Application {
    /// Made once by `configure(_:_:)`, before any request (the application's storage is not to be written while
    /// requests read it); each test's application has its own. Without it every lookup reads the database.
    var orgUnits: OrgUnitCache? {
        get { storage[OrgUnitCacheKey.self] }
        set { storage[OrgUnitCacheKey.self] = newValue }
    }
}
