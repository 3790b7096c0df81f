import Foundation

/// A questionnaire (问卷) gathering the views of students, parents or teachers on a campaign's targets
/// (条例: views gathered by forums and questionnaires). Anonymous: it asks for nothing personal unless a
/// question of its own does.
public enum Audience: String, LabelledEnum {
    case students, parents, teachers

    public var label: String {
        switch self {
        case .students: "学生"
        case .parents: "家长"
        case .teachers: "教师"
        }
    }
}

public enum QuestionKind: String, LabelledEnum {
    case single, multiple, scale, text

    public var label: String {
        switch self {
        case .single: "单选"
        case .multiple: "多选"
        case .scale: "量表"
        case .text: "填空"
        }
    }
}

public struct Question: Sendable, Equatable, Codable {
    public let code: String
    public let kind: QuestionKind
    public let text: String
    public let options: [String]

    public init(code: String, kind: QuestionKind, text: String, options: [String]) {
        self.code = code
        self.kind = kind
        self.text = text
        self.options = options
    }
}

/// Questions written one per line as the office types them: 类型｜题目｜选项1/选项2/… (a scale without options has
/// the usual five; a 填空 has none).
public enum QuestionnaireText {
    public static let maxQuestions = 50
    public static let defaultScale = ["非常满意", "满意", "一般", "不满意", "非常不满意"]

    public static func parse(_ text: String) -> (questions: [Question], errors: [String]) {
        var questions: [Question] = []
        var errors: [String] = []
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if lines.isEmpty { errors.append("请至少写一道题") }
        if lines.count > maxQuestions { errors.append("一份问卷最多 \(maxQuestions) 道题") }
        for (n, line) in lines.prefix(maxQuestions).enumerated() {
            // The full-width bar as typed on a Chinese keyboard, or the ASCII one.
            let parts = line.replacingOccurrences(of: "|", with: "｜").split(
                separator: "｜", omittingEmptySubsequences: false
            ).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, let kind = QuestionKind(label: parts[0]) else {
                errors.append("第\(n + 1)行应写成「单选｜题目｜选项1/选项2」，类型为单选、多选、量表或填空")
                continue
            }
            let title = parts[1]
            if title.isEmpty || title.count > 200 { errors.append("第\(n + 1)题的题目应为 1–200 字") }
            var options =
                parts.count > 2
                ? parts[2].split(whereSeparator: { "/／、".contains($0) }).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }.filter { !$0.isEmpty } : []
            if kind == .scale, options.isEmpty { options = defaultScale }
            if kind != .text, options.count < 2 || options.count > 10 {
                errors.append("第\(n + 1)题（\(kind.label)）应有 2–10 个选项")
            }
            if Set(options).count != options.count { errors.append("第\(n + 1)题的选项重复") }
            if options.contains(where: { $0.count > 50 }) { errors.append("第\(n + 1)题的选项不能超过 50 字") }
            questions.append(
                Question(code: "Q\(n + 1)", kind: kind, text: title, options: kind == .text ? [] : options))
        }
        return (questions, errors)
    }

    public static func text(_ questions: [Question]) -> String {
        questions.map { q in
            ([q.kind.label, q.text] + (q.options.isEmpty ? [] : [q.options.joined(separator: "/")])).joined(
                separator: "｜")
        }.joined(separator: "\n")
    }
}

/// One respondent's answers, checked against the questions: every choice question answered with its own options.
public enum QuestionnaireAnswers {
    public static let maxText = 500

    public static func check(_ questions: [Question], fields: [String: [String]]) -> Validated<[String: [String]]> {
        var answers: [String: [String]] = [:]
        var errors: [FieldError] = []
        for q in questions {
            let given = (fields[q.code] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
            switch q.kind {
            case .text:
                if let t = given.first, t.count > maxText {
                    errors.append(FieldError(q.code, "第\(q.code.dropFirst())题不能超过 \(maxText) 字"))
                } else if let t = given.first {
                    answers[q.code] = [t]
                }
            case .single, .scale, .multiple:
                if given.isEmpty {
                    errors.append(FieldError(q.code, "请回答第\(q.code.dropFirst())题"))
                } else if !given.allSatisfy(q.options.contains) || (q.kind != .multiple && given.count > 1) {
                    errors.append(FieldError(q.code, "第\(q.code.dropFirst())题的选择无效"))
                } else {
                    answers[q.code] = Array(Set(given)).sorted {
                        q.options.firstIndex(of: $0)! < q.options.firstIndex(of: $1)!
                    }
                }
            }
        }
        return errors.isEmpty ? .success(answers) : .failure(errors)
    }

    /// The question an indicator item reads (`question` is its code, e.g. Q3, or words of its text, e.g. 满意度).
    public static func question(_ key: String, in questions: [Question]) -> Question? {
        questions.first { $0.code == key } ?? questions.first { $0.text.contains(key) }
    }

    /// The share of respondents who chose one of `positive` (nil when nobody answered the question).
    public static func share(of positive: [String], question: String, answers: [[String: [String]]]) -> Double? {
        let answered = answers.compactMap { $0[question] }.filter { !$0.isEmpty }
        guard !answered.isEmpty else { return nil }
        return Double(answered.filter { !Set($0).isDisjoint(with: positive) }.count) / Double(answered.count)
    }

    /// How many chose each option of a question.
    public static func tally(_ question: Question, answers: [[String: [String]]]) -> [(option: String, count: Int)] {
        question.options.map { option in (option, answers.filter { $0[question.code]?.contains(option) == true }.count)
        }
    }
}
