import Foundation

/// Where a 督导简报 stands: the office edits the draft, approves it (it gets its number and no longer changes)
/// and publishes it. A published bulletin is archived as it is; a correction is a new issue.
public enum BulletinState: String, LabelledEnum {
    case draft, approved, published
    public var label: String {
        switch self {
        case .draft: "草稿"
        case .approved: "已核准"
        case .published: "已印发"
        }
    }
}

/// One section of a bulletin: a heading, the text (the office may rewrite it), and the figures it rests on.
public struct BulletinSection: Sendable, Equatable, Codable {
    public var key: String
    public var heading: String
    public var text: String
    /// Rows of figures, the first row the headers; empty for a section the office wrote.
    public var table: [[String]]
    /// Bars for the section's chart (label, value); empty for none.
    public var bars: [Bar]

    public struct Bar: Sendable, Equatable, Codable {
        public var label: String
        public var value: Int
        public init(label: String, value: Int) {
            self.label = label
            self.value = value
        }
    }

    public init(key: String, heading: String, text: String, table: [[String]] = [], bars: [Bar] = []) {
        self.key = key
        self.heading = heading
        self.text = text
        self.table = table
        self.bars = bars
    }
}

/// What a bulletin's period comes to, counted from the records.
public struct BulletinFacts: Sendable, Equatable {
    public struct Highlight: Sendable, Equatable {
        public var school: String
        public var text: String
        public init(school: String, text: String) {
            self.school = school
            self.text = text
        }
    }
    public struct CampaignResult: Sendable, Equatable {
        public var title: String
        public var targets: Int
        public var finished: Int
        public var mean: Double?
        public init(title: String, targets: Int, finished: Int, mean: Double?) {
            self.title = title
            self.targets = targets
            self.finished = finished
            self.mean = mean
        }
    }

    /// A responsible inspector's month: the schools they are responsible for and those they visited (六个一).
    public struct InspectorMonth: Sendable, Equatable {
        public var name: String
        public var assigned: Int
        public var visited: Int
        public init(name: String, assigned: Int, visited: Int) {
            self.name = name
            self.assigned = assigned
            self.visited = visited
        }
        public var share: Double { assigned > 0 ? Double(visited) / Double(assigned) : 0 }
    }

    public var period: String
    /// Each responsible inspector's month, when the office wants the ranking in the bulletin (nil: no ranking).
    public var inspectors: [InspectorMonth]?
    public var schools = 0
    public var schoolsVisited = 0
    public var visits = 0
    public var observations = 0
    public var interviews = 0
    /// Problems found in the period, by category, largest first.
    public var problems: [(category: String, count: Int)] = []
    public var highlights: [Highlight] = []
    /// Titles of the cases the office selected (优秀案例).
    public var cases: [String] = []
    public var noticesIssued = 0
    public var noticesClosed = 0
    public var noticesOverdue = 0
    public var complaintsReceived = 0
    public var complaintsReplied = 0
    public var complaintsOverdue = 0
    public var campaigns: [CampaignResult] = []

    public init(period: String) { self.period = period }

    public var problemsFound: Int { problems.reduce(0) { $0 + $1.count } }

    public static func == (a: Self, b: Self) -> Bool {
        a.period == b.period && a.visits == b.visits && a.problems.map(\.category) == b.problems.map(\.category)
            && a.problems.map(\.count) == b.problems.map(\.count) && a.highlights == b.highlights
            && a.campaigns == b.campaigns && a.schools == b.schools && a.complaintsReceived == b.complaintsReceived
            && a.inspectors == b.inspectors
    }
}

/// The draft the office starts from: every section's text written from the figures alone, so that every number
/// in the words is a count of records.
public enum BulletinDraft {
    public static func sections(_ f: BulletinFacts) -> [BulletinSection] {
        var out: [BulletinSection] = []
        let coverage =
            f.schools > 0 ? String(format: "%.1f%%", Double(f.schoolsVisited) / Double(f.schools) * 100) : "—"
        out.append(
            BulletinSection(
                key: "visits", heading: "一、日常督导开展情况",
                text: f.visits == 0
                    ? "\(f.period)，全区没有到校督导记录。"
                    : "\(f.period)，全区责任督学到校督导\(f.visits)次，覆盖学校\(f.schoolsVisited)所（占在办学校\(f.schools)所的\(coverage)），听课\(f.observations)节，访谈师生和家长\(f.interviews)人次。",
                table: [
                    ["项目", "数量"], ["到校督导（次）", "\(f.visits)"], ["督导学校（所）", "\(f.schoolsVisited)"],
                    ["在办学校（所）", "\(f.schools)"], ["听课（节）", "\(f.observations)"], ["访谈（人次）", "\(f.interviews)"],
                ]))
        let top = f.problems.prefix(3).map { "\($0.category)\($0.count)个" }.joined(separator: "、")
        out.append(
            BulletinSection(
                key: "problems", heading: "二、发现的主要问题",
                text: f.problemsFound == 0
                    ? "\(f.period)督导中未发现问题。"
                    : "督导中共发现问题\(f.problemsFound)个，主要集中在\(top)。",
                table: [["问题类别", "数量"]] + f.problems.map { [$0.category, "\($0.count)"] },
                bars: f.problems.map { .init(label: $0.category, value: $0.count) }))
        if !f.highlights.isEmpty || !f.cases.isEmpty {
            var lines = f.highlights.map { "\($0.school)：\($0.text)" }
            lines += f.cases.map { "优秀案例：\($0)" }
            out.append(
                BulletinSection(
                    key: "highlights", heading: "三、值得推广的经验做法", text: lines.joined(separator: "\n")))
        }
        out.append(
            BulletinSection(
                key: "rectification", heading: "\(chinese(out.count + 1))、问题整改情况",
                text: "\(f.period)下达整改通知书\(f.noticesIssued)份，整改销号\(f.noticesClosed)份；截至目前逾期未整改\(f.noticesOverdue)份"
                    + (f.noticesOverdue > 0 ? "，督导室将跟踪督办。" : "。"),
                table: [
                    ["项目", "数量"], ["下达整改通知书（份）", "\(f.noticesIssued)"], ["整改销号（份）", "\(f.noticesClosed)"],
                    ["逾期未整改（份）", "\(f.noticesOverdue)"],
                ]))
        out.append(
            BulletinSection(
                key: "complaints", heading: "\(chinese(out.count + 1))、举报投诉办理情况",
                text: "\(f.period)受理举报投诉\(f.complaintsReceived)件，答复办结\(f.complaintsReplied)件"
                    + (f.complaintsOverdue > 0 ? "，超过办理时限\(f.complaintsOverdue)件。" : "，均在办理时限内。"),
                table: [
                    ["项目", "数量"], ["受理（件）", "\(f.complaintsReceived)"], ["答复办结（件）", "\(f.complaintsReplied)"],
                    ["超过时限（件）", "\(f.complaintsOverdue)"],
                ]))
        if !f.campaigns.isEmpty {
            out.append(
                BulletinSection(
                    key: "campaigns", heading: "\(chinese(out.count + 1))、专项和综合督导",
                    text: f.campaigns.map { c in
                        "“\(c.title)”共\(c.targets)个督导对象，已完成\(c.finished)个"
                            + (c.mean.map { "，平均得分\(Score.text($0))分" } ?? "") + "。"
                    }.joined(separator: ""),
                    table: [["督导任务", "对象", "已完成", "平均得分"]]
                        + f.campaigns.map {
                            [$0.title, "\($0.targets)", "\($0.finished)", $0.mean.map { Score.text($0) } ?? "—"]
                        }))
        }
        if let inspectors = f.inspectors {
            out.append(ranking(inspectors, period: f.period, number: out.count + 1))
        }
        return out
    }

    /// 责任督学到校情况排名: by the share of their schools visited, then by schools visited; equal figures share a
    /// place (1, 1, 3). The words say only how many visited all their schools and how many none.
    static func ranking(_ inspectors: [BulletinFacts.InspectorMonth], period: String, number: Int) -> BulletinSection {
        let sorted = inspectors.sorted { ($1.share, $1.visited, $0.name) < ($0.share, $0.visited, $1.name) }
        var rows = [["名次", "责任督学", "负责学校（所）", "到校督导（所）", "到校比例"]]
        var place = 0
        for (i, r) in sorted.enumerated() {
            if i == 0 || (r.share, r.visited) != (sorted[i - 1].share, sorted[i - 1].visited) { place = i + 1 }
            rows.append([
                "\(place)", r.name, "\(r.assigned)", "\(r.visited)", String(format: "%.1f%%", r.share * 100),
            ])
        }
        let all = inspectors.filter { $0.assigned > 0 && $0.visited >= $0.assigned }.count
        let none = inspectors.filter { $0.visited == 0 }.count
        return BulletinSection(
            key: "ranking", heading: "\(chinese(number))、责任督学到校督导情况",
            text: inspectors.isEmpty
                ? "\(period)全区没有在岗的责任督学。"
                : "\(period)，全区\(inspectors.count)名责任督学中，\(all)名到过所负责的全部学校"
                    + (none > 0 ? "，\(none)名本月没有到校督导记录。" : "。"),
            table: rows)
    }

    /// 一 … 十二 for section headings.
    public static func chinese(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
        return n >= 1 && n < digits.count ? digits[n] : String(n)
    }
}

/// The office's edits of a draft: each section rewritten, removed or moved, one added; every fault named.
public enum BulletinEdit {
    public static let maxHeading = 60
    public static let maxText = 5000
    public static let maxTitle = 80
    public static let maxSections = 20

    public struct Input: Sendable {
        public var title: String
        /// Per existing section, in their current order: heading, text, position typed, removed.
        public var sections: [(heading: String, text: String, position: String, removed: Bool)]
        public var newHeading: String
        public var newText: String
        public init(
            title: String, sections: [(heading: String, text: String, position: String, removed: Bool)],
            newHeading: String = "", newText: String = ""
        ) {
            self.title = title
            self.sections = sections
            self.newHeading = newHeading
            self.newText = newText
        }
    }

    /// The sections after the edits, or every fault.
    public struct Edited: Sendable, Equatable {
        public var title: String
        public var sections: [BulletinSection]
    }

    public static func apply(_ input: Input, to current: [BulletinSection]) -> Validated<Edited> {
        var errors: [FieldError] = []
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.append(FieldError("title", "请填写标题")) }
        if title.count > maxTitle { errors.append(FieldError("title", "标题最多 \(maxTitle) 字")) }
        var kept: [(Double, BulletinSection)] = []
        for (i, edit) in input.sections.enumerated() where i < current.count && !edit.removed {
            var section = current[i]
            section.heading = edit.heading.trimmingCharacters(in: .whitespacesAndNewlines)
            section.text = edit.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if section.heading.isEmpty { errors.append(FieldError("h\(i)", "第 \(i + 1) 节的标题不能为空")) }
            if section.heading.count > maxHeading {
                errors.append(FieldError("h\(i)", "第 \(i + 1) 节的标题最多 \(maxHeading) 字"))
            }
            if section.text.count > maxText {
                errors.append(FieldError("t\(i)", "第 \(i + 1) 节的正文最多 \(maxText) 字，现有 \(section.text.count) 字"))
            }
            let position = Double(edit.position.trimmingCharacters(in: .whitespaces)).flatMap {
                $0.isFinite && abs($0) < 1000 ? $0 : nil
            }
            if !edit.position.trimmingCharacters(in: .whitespaces).isEmpty, position == nil {
                errors.append(FieldError("o\(i)", "第 \(i + 1) 节的顺序应为数字"))
            }
            // Ties keep the current order.
            kept.append(((position ?? Double(i + 1)) + Double(i) / 10_000, section))
        }
        let heading = input.newHeading.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = input.newText.trimmingCharacters(in: .whitespacesAndNewlines)
        if !heading.isEmpty || !text.isEmpty {
            if heading.isEmpty { errors.append(FieldError("newHeading", "新增一节请填写标题")) }
            if heading.count > maxHeading { errors.append(FieldError("newHeading", "标题最多 \(maxHeading) 字")) }
            if text.count > maxText { errors.append(FieldError("newText", "正文最多 \(maxText) 字")) }
            kept.append((1000, BulletinSection(key: "office", heading: heading, text: text)))
        }
        if kept.isEmpty { errors.append(FieldError("sections", "简报至少要有一节")) }
        if kept.count > maxSections { errors.append(FieldError("sections", "简报最多 \(maxSections) 节")) }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(Edited(title: title, sections: kept.sorted { $0.0 < $1.0 }.map(\.1)))
    }
}

/// The foot of an issued bulletin (报/送/发), as a district supervision office sends it.
public enum BulletinFoot {
    public static func lines(district: String) -> [(String, String)] {
        [
            ("报", "\(district)人民政府，市人民政府教育督导室"),
            ("送", "\(district)教育局各科室"),
            ("发", "各镇（街道）、各中小学校、幼儿园，各责任督学"),
        ]
    }
}
