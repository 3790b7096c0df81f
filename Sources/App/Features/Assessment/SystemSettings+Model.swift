import DudaoCore
import Foundation

/// A system's own settings as a form: name, who it scores, full score, grade bands, source. Also the form that
/// starts a new, empty system (`id` nil).
struct SystemSettingsForm: Sendable {
    let id: Int?
    let values: [String: String]
    let errors: [FieldError]
}
