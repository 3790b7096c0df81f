import DudaoCore
import Fluent
import Vapor

struct StoredFile: Codable, Sendable {
    let hash: String
    let name: String
    let type: String
    let size: Int
}
