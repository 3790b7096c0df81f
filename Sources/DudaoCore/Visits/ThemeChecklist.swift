import Foundation

/// 主题检查表: when the month's theme (一月一主题) names an indicator system, a routine visit in that month offers its
/// check items; the inspector marks each 符合, 不符合 or 不适用, with a note (required for 不符合).
public enum ChecklistVerdict: String, LabelledEnum {
    case met = "yes"
    case notMet = "no"
    case notApplicable = "na"

    public var label: String {
        switch self {
        case .met: "符合"
        case .notMet: "不符合"
        case .notApplicable: "不适用"
        }
    }
}

/// One check item of the list: a leaf of the indicator system, under its first-level area.
public struct ChecklistItem: Sendable, Equatable {
    public let code: String
    public let title: String
    public let guidance: String?
    /// The first-level area it belongs to (its own title when the system is flat).
    public let area: String

    public init(code: String, title: String, guidance: String?, area: String) {
        self.code = code
        self.title = title
        self.guidance = guidance
        self.area = area
    }
}

/// What the inspector marked for one item.
public struct ChecklistEntry: Sendable, Equatable, Codable {
    public var verdict: ChecklistVerdict?
    public var note: String

    public init(verdict: ChecklistVerdict?, note: String = "") {
        self.verdict = verdict
        self.note = note
    }
}

/// A visit's filled-in list, with the version it was taken from (a published version never changes, so the items
/// read back as they were offered).
public struct ChecklistRecord: Sendable, Equatable, Codable {
    public var versionID: Int
    public var name: String
    public var entries: [String: ChecklistEntry]

    public init(versionID: Int, name: String, entries: [String: ChecklistEntry]) {
        self.versionID = versionID
        self.name = name
        self.entries = entries
    }

    /// How many items carry each verdict; items left blank count as unanswered.
    public func tally(_ items: [ChecklistItem]) -> (met: Int, notMet: Int, notApplicable: Int, unanswered: Int) {
        var t = (met: 0, notMet: 0, notApplicable: 0, unanswered: 0)
        for item in items {
            switch entries[item.code]?.verdict {
            case .met: t.met += 1
            case .notMet: t.notMet += 1
            case .notApplicable: t.notApplicable += 1
            case nil: t.unanswered += 1
            }
        }
        return t
    }
}

public enum ThemeChecklist {
    public static let maxNote = 500
    /// A list longer than this is not a checklist for one visit (the biggest built-in system has about 60 items).
    public static let maxItems = 200

    /// The form field of an item's verdict and of its note.
    public static func verdictField(_ code: String) -> String { "v_" + code }
    public static func noteField(_ code: String) -> String { "n_" + code }

    /// The system's leaves in order, each under its first-level area.
    public static func items(of system: IndicatorSystem) -> [ChecklistItem] {
        let byCode = Dictionary(system.nodes.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        func area(of node: IndicatorNode) -> String {
            var current = node
            var steps = 0
            while let parent = current.parent, let up = byCode[parent], steps < system.nodes.count {
                current = up
                steps += 1
            }
            return current.title
        }
        return system.leaves.prefix(maxItems).map {
            ChecklistItem(code: $0.code, title: $0.title, guidance: $0.guidance, area: area(of: $0))
        }
    }

    /// The items' verdicts and notes as the form sent them, checked: a verdict is one of the three (or left blank),
    /// a note is at most `maxNote` characters, and 不符合 needs a note saying what was found. Fields of other items are
    /// ignored.
    public static func check(
        items: [ChecklistItem], form: [String: String], versionID: Int, name: String
    ) -> Validated<ChecklistRecord> {
        var errors: [FieldError] = []
        var entries: [String: ChecklistEntry] = [:]
        for item in items {
            let raw = (form[verdictField(item.code)] ?? "").trimmingCharacters(in: .whitespaces)
            let note = (form[noteField(item.code)] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let verdict = ChecklistVerdict(rawValue: raw)
            if !raw.isEmpty && verdict == nil {
                errors.append(.init(verdictField(item.code), "\(item.code) \(item.title)：请选择符合、不符合或不适用"))
            }
            if note.count > maxNote {
                errors.append(.init(noteField(item.code), "\(item.code) 的说明不能超过\(maxNote)个字"))
            }
            if verdict == .notMet && note.isEmpty {
                errors.append(.init(noteField(item.code), "\(item.code) \(item.title)：不符合时请写明发现的情况"))
            }
            if verdict != nil || !note.isEmpty { entries[item.code] = ChecklistEntry(verdict: verdict, note: note) }
        }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(ChecklistRecord(versionID: versionID, name: name, entries: entries))
    }
}
