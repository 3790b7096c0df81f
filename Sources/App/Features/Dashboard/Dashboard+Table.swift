import DudaoCore

/// 数据看板 as one table for its export: every panel's figures, a row each (板块, 项目, 数值, 说明).
extension Dashboard {
    var table: [[String]] {
        let month = YearMonth(today)
        var rows = [["板块", "项目", "数值", "说明"]]
        func add(_ panel: String, _ item: String, _ value: Int, _ note: String = "") {
            rows.append([panel, item, String(value), note])
        }
        add("督导覆盖", "学校", schools, scopeLabel)
        add("督导覆盖", "\(month.label)已到校督导的学校", visitedThisMonth)
        add("督导覆盖", "\(semester.label)已到校督导的学校", visitedThisSemester)
        add("督导覆盖", "本月有督导记录的责任督学", inspectorsThisMonth.part, "共 \(inspectorsThisMonth.whole) 人")
        let last = month.previous
        add("六个一", "\(last.label)走遍所负责学校的责任督学", inspectorsDoneLastMonth.part, "共 \(inspectorsDoneLastMonth.whole) 人")
        add("六个一", "本月至今走遍所负责学校的责任督学", inspectorsDone.part, "共 \(inspectorsDone.whole) 人")
        for i in inspectorsBehind { add("六个一（\(last.label)到校最少）", i.name, i.visited, "负责 \(i.assigned) 所") }
        let unit = isCity ? "区县" : "镇街"
        for t in tiles {
            add("\(unit)一览（\(semester.label)到校）", t.name, t.visited, "学校 \(t.schools) 所，待整改问题 \(t.openProblems) 个")
        }
        for c in categories { add("问题类别（近12个月）", c.label, c.total, "待处理 \(c.open)，已销号 \(c.closed)") }
        for c in severities { add("问题严重程度（近12个月）", c.label, c.total, "待处理 \(c.open)，已销号 \(c.closed)") }
        for (i, m) in months.enumerated() {
            add("逐月趋势", "\(m.label)发现问题", found[i])
            add("逐月趋势", "\(m.label)整改销号", closed[i])
        }
        add("整改通知书（近12个月）", "已下达", noticesIssued)
        add("整改通知书（近12个月）", "已销号", noticesClosed)
        add("整改通知书（近12个月）", "逾期未整改", noticesOverdue)
        rows.append([
            "整改通知书（近12个月）", "整改用时中位数（天）", medianDaysToClose.map { Format.decimal($0) } ?? "",
            "按 \(closingsCounted) 份销号的通知书",
        ])
        for c in complaintCategories { add("举报投诉（近12个月）", c.label, c.total, "办理中 \(c.open)，已办结 \(c.closed)") }
        add("举报投诉（近12个月）", "超过办理时限", complaintsOverdue)
        for c in campaigns { add("督导任务", c.title, c.finished, "共 \(c.targets) 个对象已完成 \(c.finished) 个") }
        for c in measures { add("问责（\(today.year) 年）", c.label, c.total) }
        return rows
    }
}
