/// The OpenAPI 3.0 description of /api/v1, served at /api/openapi.json. It is the API's contract:
/// `scripts/api-contract.sh` runs schemathesis against it, so every parameter bound, body schema and
/// status written here must be what the server does. Validate after editing:
/// `python3 -m openapi_spec_validator` on the served document (the script does).
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.0.3",
          "info": {
            "title": "督导 Dudao API",
            "version": "1",
            "description": "教育督导平台的 JSON 接口，供移动端、离线采集和系统对接使用。先用账号密码调用 POST /api/v1/auth/token 换取访问令牌，之后每个请求带 Authorization: Bearer <令牌>。数据范围与网页相同：督学只看到自己负责的学校和本人的记录，学校账号只看到本校。列表分页：page 为 1–100000，per 为 1–200（默认 50）。出错时一律返回 JSON：{\"error\":{\"code\",\"message\",\"fields\"?}}，code 为稳定的英文代码，message 为中文说明，fields 列出有误的字段。JSON 请求体不超过 1MB，照片不超过 8MB，超过时返回 413。文本不能含有空字符 U+0000。查询参数每个只能出现一次，数字参数不能为空。本接口不支持的请求方法返回 405 并在 Allow 中列出可用的方法。"
          },
          "security": [{"bearer": []}],
          "paths": {
            "/api/v1/auth/token": {
              "post": {
                "operationId": "createToken",
                "summary": "用户名和密码换取访问令牌",
                "description": "连续输错密码会暂停该设备登录该账号（仍返回 401，message 说明还需等待多久）。初始密码须先在网页上修改，否则返回 403。",
                "security": [],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Credentials"}}}},
                "responses": {
                  "200": {"description": "访问令牌", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Token"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"description": "用户名或密码不正确，或登录失败次数过多暂停登录（code 为 invalid_credentials）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "403": {"description": "须先在网页上修改初始密码（code 为 password_change_required）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "413": {"$ref": "#/components/responses/TooLarge"}
                }
              }
            },
            "/api/v1/schools": {
              "get": {
                "operationId": "listSchools",
                "summary": "学校（按账号范围）",
                "parameters": [
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"name": "q", "in": "query", "description": "按校名（包含）或学校标识码（完全一致）查找", "schema": {"type": "string", "pattern": "^[^\\x00]*$", "maxLength": 100}},
                  {"name": "township", "in": "query", "description": "镇街编号", "schema": {"$ref": "#/components/schemas/Id"}},
                  {"name": "area", "in": "query", "description": "责任区编号", "schema": {"$ref": "#/components/schemas/Id"}},
                  {"name": "type", "in": "query", "description": "学校类型", "schema": {"$ref": "#/components/schemas/SchoolType"}},
                  {"name": "status", "in": "query", "description": "办学状态：open 在办（默认）、closed 停办、all 全部", "schema": {"type": "string", "enum": ["open", "closed", "all"], "default": "open"}}
                ],
                "responses": {
                  "200": {"description": "分页的学校列表", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SchoolPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              }
            },
            "/api/v1/schools/{id}": {
              "get": {
                "operationId": "getSchool",
                "summary": "一所学校",
                "parameters": [{"$ref": "#/components/parameters/id"}],
                "responses": {
                  "200": {"description": "学校", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/School"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/inspectors": {
              "get": {
                "operationId": "listInspectors",
                "summary": "督学（按账号范围）",
                "parameters": [
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"name": "q", "in": "query", "description": "按姓名、工作单位（包含）或手机号（完全一致）查找", "schema": {"type": "string", "pattern": "^[^\\x00]*$", "maxLength": 100}},
                  {"name": "kind", "in": "query", "description": "聘任方式", "schema": {"$ref": "#/components/schemas/InspectorKind"}},
                  {"name": "duty", "in": "query", "description": "督学类别（担任其一即列出）", "schema": {"$ref": "#/components/schemas/InspectorDuty"}},
                  {"name": "status", "in": "query", "description": "在岗状态：active 在岗（默认）、retired 离任、all 全部", "schema": {"type": "string", "enum": ["active", "retired", "all"], "default": "active"}}
                ],
                "responses": {
                  "200": {"description": "分页的督学列表", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InspectorPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              }
            },
            "/api/v1/assignments": {
              "get": {
                "operationId": "listAssignments",
                "summary": "挂牌记录（按账号范围）",
                "parameters": [
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"name": "current", "in": "query", "description": "true 只看当前有效的挂牌", "schema": {"type": "boolean", "default": false}}
                ],
                "responses": {
                  "200": {"description": "分页的挂牌记录", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AssignmentPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              }
            },
            "/api/v1/visit-plans": {
              "get": {
                "operationId": "listVisitPlans",
                "summary": "本人的督导方案（最近 200 份）",
                "responses": {
                  "200": {"description": "督导方案，计划日期由近及远", "content": {"application/json": {"schema": {"type": "array", "maxItems": 200, "items": {"$ref": "#/components/schemas/VisitPlan"}}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/NotAnInspector"}
                }
              },
              "post": {
                "operationId": "createVisitPlan",
                "summary": "制定督导方案",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewVisitPlan"},
                  "example": {"schoolId": 1, "date": "2026-12-03", "tasks": "了解作业公示制度落实情况", "methods": "推门听课；查阅作业", "focus": "作业管理"}}}},
                "responses": {
                  "201": {"description": "已保存", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VisitPlan"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/NotAnInspector"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/api/v1/visits": {
              "get": {
                "operationId": "listVisits",
                "summary": "督导记录（按账号范围，不含听课、访谈、问题和照片明细）",
                "parameters": [
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"name": "school", "in": "query", "description": "学校编号", "schema": {"$ref": "#/components/schemas/Id"}}
                ],
                "responses": {
                  "200": {"description": "分页的督导记录，督导日期由近及远", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VisitPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              },
              "post": {
                "operationId": "createVisit",
                "summary": "新建督导记录草稿",
                "description": "只有督学账号可以记录，且须是该校责任督学或获督导室授权。督导日期不能晚于今天。",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewVisit"},
                  "example": {"schoolId": 1, "date": "2026-11-02", "start": "08:30", "end": "11:30", "kind": "routine", "summary": "推门听课一节，查阅作业批改。"}}}},
                "responses": {
                  "201": {"description": "草稿", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Visit"}}},
                    "links": {
                      "visit": {"operationId": "getVisit", "parameters": {"id": "$response.body#/id"}},
                      "update": {"operationId": "updateVisit", "parameters": {"id": "$response.body#/id"}},
                      "observation": {"operationId": "addObservation", "parameters": {"id": "$response.body#/id"}},
                      "interview": {"operationId": "addInterview", "parameters": {"id": "$response.body#/id"}},
                      "problem": {"operationId": "addProblem", "parameters": {"id": "$response.body#/id"}},
                      "photo": {"operationId": "addPhoto", "parameters": {"id": "$response.body#/id"}},
                      "submit": {"operationId": "submitVisit", "parameters": {"id": "$response.body#/id"}}
                    }},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"description": "不是督学账号，或不是该校责任督学且未获授权（code 为 forbidden）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "404": {"description": "学校不存在或已停办（code 为 not_found）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/api/v1/visits/{id}": {
              "get": {
                "operationId": "getVisit",
                "summary": "一条督导记录（含听课、访谈、问题和照片编号）",
                "parameters": [{"$ref": "#/components/parameters/id"}],
                "responses": {
                  "200": {"description": "督导记录", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Visit"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "put": {
                "operationId": "updateVisit",
                "summary": "修改草稿（只传要改的字段）",
                "description": "学校、督导方案和同行督学在新建时确定，不能修改。",
                "parameters": [{"$ref": "#/components/parameters/id"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VisitPatch"},
                  "example": {"summary": "推门听课一节，查阅作业批改，与教师座谈。", "end": "11:40"}}}},
                "responses": {
                  "200": {"description": "已保存", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Visit"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/NotYourDraft"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/api/v1/visits/{id}/observations": {
              "post": {
                "operationId": "addObservation",
                "summary": "添加听课或教研活动记录",
                "parameters": [{"$ref": "#/components/parameters/id"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewObservation"},
                  "example": {"kind": "lesson", "className": "五（1）班", "subject": "语文", "teacher": "陈晓燕", "topic": "《落花生》", "comment": "朗读指导扎实。",
                    "scores": {"教学目标": 13, "教学内容": 17, "教学方法": 17, "学生参与": 21, "教学效果": 17}}}}},
                "responses": {
                  "201": {"description": "已添加"},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/NotYourDraft"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/api/v1/visits/{id}/interviews": {
              "post": {
                "operationId": "addInterview",
                "summary": "添加访谈记录",
                "parameters": [{"$ref": "#/components/parameters/id"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewInterview"},
                  "example": {"group": "students", "people": 3, "notes": "学生每天有大课间。", "internalOnly": false}}}},
                "responses": {
                  "201": {"description": "已添加"},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/NotYourDraft"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/api/v1/visits/{id}/problems": {
              "post": {
                "operationId": "addProblem",
                "summary": "记录存在问题",
                "parameters": [{"$ref": "#/components/parameters/id"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewProblem"},
                  "example": {"category": "安全", "severity": "serious", "disposition": "rectify", "description": "消防通道堆放杂物。"}}}},
                "responses": {
                  "201": {"description": "已记录"},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/NotYourDraft"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/api/v1/visits/{id}/photos": {
              "post": {
                "operationId": "addPhoto",
                "summary": "上传照片（请求体即图片文件，说明放在查询参数 caption）",
                "description": "只接受 JPG、PNG 和 WebP（按文件内容判断），不超过 8MB。",
                "parameters": [
                  {"$ref": "#/components/parameters/id"},
                  {"name": "caption", "in": "query", "description": "照片说明", "schema": {"type": "string", "pattern": "^[^\\x00]*$", "maxLength": 100}}
                ],
                "requestBody": {"required": true, "content": {
                  "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
                  "image/png": {"schema": {"type": "string", "format": "binary"}},
                  "image/webp": {"schema": {"type": "string", "format": "binary"}}
                }},
                "responses": {
                  "201": {"description": "已上传"},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/NotYourDraft"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"description": "照片超过 8MB（code 为 too_large）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "422": {"description": "不是 JPG、PNG 或 WebP 图片，或照片说明超过 100 字（code 为 invalid）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
              }
            },
            "/api/v1/visits/{id}/submit": {
              "post": {
                "operationId": "submitVisit",
                "summary": "提交并锁定督导记录",
                "parameters": [{"$ref": "#/components/parameters/id"}],
                "responses": {
                  "200": {"description": "已提交", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Visit"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/NotYourDraft"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "422": {"description": "缺少督导情况或到校时间，或有检查未达标项尚未记为问题或说明理由（code 为 invalid，fields 列出缺少的字段）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
              }
            },
            "/api/v1/compliance": {
              "get": {
                "operationId": "getCompliance",
                "summary": "“六个一”落实情况",
                "description": "督学看到本人的情况；督导室和领导看到范围内在岗督学的一页。学校账号无权查看。",
                "parameters": [
                  {"name": "semester", "in": "query", "description": "学期，如 2026-autumn（秋季学期）、2027-spring（春季学期）；默认为今天所在学期", "schema": {"type": "string", "pattern": "^(19|20|21)[0-9]{2}-(spring|autumn)$", "example": "2026-autumn"}},
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"}
                ],
                "responses": {
                  "200": {"description": "每名督学的规则状态与不足项", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Compliance"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"description": "学校账号无权查看（code 为 forbidden）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
              }
            },
            "/api/v1/notices": {
              "get": {
                "operationId": "listNotices",
                "summary": "整改通知书（按账号范围，供增量同步）",
                "description": "督学看到本人开具的，学校看到本校已下发的，督导室看到本区全部。每份带所含问题的编号。",
                "parameters": [
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"$ref": "#/components/parameters/updatedSince"},
                  {"name": "state", "in": "query", "description": "通知书状态", "schema": {"type": "string", "enum": ["draft", "pendingApproval", "issued", "acknowledged", "reported", "returned", "closed", "withdrawn"]}}
                ],
                "responses": {
                  "200": {"description": "分页的列表，按更新时间、编号排序", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NoticePage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              }
            },
            "/api/v1/complaints": {
              "get": {
                "operationId": "listComplaints",
                "summary": "投诉举报（按账号范围，供增量同步）",
                "description": "投诉人姓名和电话只给督导室账号，匿名投诉一律不给。",
                "parameters": [
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"$ref": "#/components/parameters/updatedSince"},
                  {"name": "state", "in": "query", "description": "办理状态", "schema": {"type": "string", "enum": ["received", "accepted", "verifying", "handling", "replied", "closed", "rejected"]}}
                ],
                "responses": {
                  "200": {"description": "分页的列表，按更新时间、编号排序", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ComplaintPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              }
            },
            "/api/v1/bulletins": {
              "get": {
                "operationId": "listBulletins",
                "summary": "督导简报（本区，供增量同步）",
                "description": "已发布的各期；督导室账号还能看到草稿和已审定未发布的。",
                "parameters": [
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"$ref": "#/components/parameters/updatedSince"}
                ],
                "responses": {
                  "200": {"description": "分页的列表，按更新时间、编号排序", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BulletinPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              }
            },
            "/api/v1/problems": {
              "get": {
                "operationId": "listProblems",
                "summary": "存在问题（按账号范围，供增量同步）",
                "description": "与问题台账相同：督学看到本人发现的和所负责学校的，学校看到本校的，督导室、领导看到范围内的；只含已提交记录中的问题。",
                "parameters": [
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"$ref": "#/components/parameters/updatedSince"},
                  {"name": "state", "in": "query", "description": "问题状态：open 待处理、closed 已销号", "schema": {"type": "string", "enum": ["open", "closed"]}},
                  {"name": "severity", "in": "query", "description": "严重程度：minor 一般、serious 较重、urgent 严重", "schema": {"type": "string", "enum": ["minor", "serious", "urgent"]}}
                ],
                "responses": {
                  "200": {"description": "分页的列表，按更新时间、编号排序", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProblemRecordPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              }
            },
            "/api/v1/monthly-reports": {
              "get": {
                "operationId": "listMonthlyReports",
                "summary": "督导月报（按账号范围，供增量同步）",
                "description": "督学看到本人的（含未报送的草稿）；督导室、领导看到范围内已报送的。学校账号无权查看。",
                "parameters": [
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"$ref": "#/components/parameters/updatedSince"},
                  {"name": "month", "in": "query", "description": "所报月份 YYYY-MM", "schema": {"type": "string", "pattern": "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$", "example": "2026-11"}},
                  {"name": "state", "in": "query", "description": "月报状态：draft 未报送、submitted 已报送、received 已接收、returned 已退回", "schema": {"type": "string", "enum": ["draft", "submitted", "received", "returned"]}}
                ],
                "responses": {
                  "200": {"description": "分页的列表，按更新时间、编号排序", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MonthlyReportPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/api/v1/work-reports": {
              "get": {
                "operationId": "listWorkReports",
                "summary": "工作总结和督导案例（按账号范围，供增量同步）",
                "description": "督学看到本人的；督导室、领导看到范围内的。学校账号无权查看。",
                "parameters": [
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"$ref": "#/components/parameters/updatedSince"},
                  {"name": "kind", "in": "query", "description": "类别：summary 工作总结、caseStudy 督导案例", "schema": {"type": "string", "enum": ["summary", "caseStudy"]}}
                ],
                "responses": {
                  "200": {"description": "分页的列表，按更新时间、编号排序", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WorkReportPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/api/v1/campaigns": {
              "get": {
                "operationId": "listCampaigns",
                "summary": "督导任务（按账号范围，供增量同步）",
                "description": "督导室、领导看到本区全部；督学看到本人所在督导组的；学校看到以本校为对象的。",
                "parameters": [
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"$ref": "#/components/parameters/updatedSince"},
                  {"name": "kind", "in": "query", "description": "督导类型", "schema": {"$ref": "#/components/schemas/CampaignKind"}}
                ],
                "responses": {
                  "200": {"description": "分页的列表，按更新时间、编号排序", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CampaignPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              }
            },
            "/api/v1/campaigns/{id}/results": {
              "get": {
                "operationId": "listCampaignResults",
                "summary": "督导任务的结果（每个督导对象，供增量同步）",
                "description": "各督导对象所处环节、督导组得分（未取整）、等次、是否一票否决和督导意见书。只给督导室、领导和管理员账号。",
                "parameters": [
                  {"$ref": "#/components/parameters/id"},
                  {"$ref": "#/components/parameters/page"},
                  {"$ref": "#/components/parameters/per"},
                  {"$ref": "#/components/parameters/updatedSince"}
                ],
                "responses": {
                  "200": {"description": "分页的列表，按更新时间、编号排序", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CampaignResultPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/balance": {
              "get": {
                "operationId": "getBalance",
                "summary": "义务教育均衡发展差异系数（本区，一个年度）",
                "description": "按学段的综合差异系数、各项指标的县域值、标准差、差异系数和达标线，以及各校年报的填报状态。只给督导室、领导和管理员账号。",
                "parameters": [
                  {"name": "year", "in": "query", "description": "年度；默认为有年报的最近一年", "schema": {"type": "integer", "minimum": 1900, "maximum": 2100}},
                  {"name": "standard", "in": "query", "description": "评估标准：2012 基本均衡、2017 优质均衡（默认）", "schema": {"type": "string", "enum": ["2012", "2017"]}}
                ],
                "responses": {
                  "200": {"description": "该年度的统计", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Balance"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/api/openapi.json": {
              "get": {
                "operationId": "getOpenAPIDocument",
                "summary": "本文档",
                "security": [],
                "responses": {
                  "200": {"description": "OpenAPI 3.0 文档", "content": {"application/json": {"schema": {"type": "object", "required": ["openapi", "info", "paths"]}}}}
                }
              }
            }
          },
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "POST /api/v1/auth/token 返回的令牌"}},
            "parameters": {
              "page": {"name": "page", "in": "query", "description": "页码", "schema": {"type": "integer", "minimum": 1, "maximum": 100000, "default": 1}},
              "per": {"name": "per", "in": "query", "description": "每页条数", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}},
              "id": {"name": "id", "in": "path", "required": true, "description": "记录编号", "schema": {"$ref": "#/components/schemas/Id"}},
              "updatedSince": {"name": "updatedSince", "in": "query", "description": "只列出在此时刻及以后更新的记录（RFC 3339，带时区，如 2026-11-30T10:00:00+08:00，1900–2100 年）。增量同步时传上次取到的最大 updatedAt，按 id 去重", "schema": {"type": "string", "format": "date-time", "maxLength": 40, "pattern": "^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"}}
            },
            "responses": {
              "BadRequest": {"description": "参数超出范围、类型不对、为空或重复，筛选值不在可选范围内，文本含有空字符，或请求体不是有效的 JSON（code 为 bad_request）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Unauthorized": {"description": "缺少访问令牌，或令牌无效、已过期（code 为 unauthorized）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Forbidden": {"description": "账号的角色无权查看（code 为 forbidden）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotAnInspector": {"description": "只有督学账号可以使用（code 为 forbidden）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotYourDraft": {"description": "不是本人的草稿，或记录已提交并锁定（code 为 forbidden）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotFound": {"description": "不存在，或不在账号的范围内（code 为 not_found）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Conflict": {"description": "记录已被他人同时修改或提交，请重新读取（code 为 conflict）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "TooLarge": {"description": "请求体超过 1MB（code 为 too_large）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Invalid": {"description": "格式正确但有字段不符合要求，如日期晚于今天、学校不在本人负责范围、问题类别不在本区设置中（code 为 invalid，fields 逐项说明）", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            },
            "schemas": {
              "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
                "code": {"type": "string", "enum": ["bad_request", "unauthorized", "invalid_credentials", "password_change_required", "forbidden", "not_found", "method_not_allowed", "conflict", "too_large", "invalid", "too_many_requests", "server_error"]},
                "message": {"type": "string", "description": "中文说明"},
                "fields": {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}}}}}},
              "FieldError": {"type": "object", "required": ["field", "message"], "properties": {"field": {"type": "string"}, "message": {"type": "string"}}},
              "Id": {"type": "integer", "minimum": 1, "maximum": 2147483647},
              "Day": {"type": "string", "format": "date", "pattern": "^(19[0-9]{2}|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD，1900–2100 年"},
              "OptionalDay": {"type": "string", "pattern": "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$", "description": "YYYY-MM-DD，未填为空字符串"},
              "NumberText": {"type": "string", "pattern": "^\\s*[0-9]*\\s*$", "description": "写成文本的整数，范围与数字写法相同；评分项写空文本视同未打分"},
              "Text": {"type": "string", "pattern": "^[^\\x00]*[^\\x00\\s][^\\x00]*$", "description": "不能只有空白"},
              "Time": {"type": "string", "nullable": true, "pattern": "^(([01]?[0-9]|2[0-3]):[0-5][0-9])?$", "description": "HH:MM，如 08:30；空字符串或 null 视同未填"},
              "SchoolType": {"type": "string", "enum": ["kindergarten", "primary", "junior", "nineYear", "twelveYear", "complete", "senior", "vocational", "special", "teachingPoint"]},
              "InspectorKind": {"type": "string", "description": "聘任方式：fullTime 专职、partTime 兼职", "enum": ["fullTime", "partTime"]},
              "InspectorDuty": {"type": "string", "description": "督学类别：inspector 督学、responsible 责任督学、special 特约督学", "enum": ["inspector", "responsible", "special"]},
              "VisitKind": {"type": "string", "enum": ["routine", "followUp", "special", "random", "fullDay", "comprehensive"], "description": "常规、随访、专项、随机、一日督导；comprehensive（综合督导）只见于旧记录"},
              "Credentials": {"type": "object", "required": ["username", "password"], "properties": {
                "username": {"type": "string", "pattern": "^[^\\x00]*$"}, "password": {"type": "string", "format": "password", "pattern": "^[^\\x00]*$"}}},
              "Token": {"type": "object", "required": ["token", "expiresAt", "role"], "properties": {
                "token": {"type": "string", "description": "访问令牌，放在 Authorization: Bearer 之后"},
                "expiresAt": {"type": "string", "format": "date-time"},
                "role": {"type": "string", "enum": ["admin", "office", "inspector", "school", "leader"]}}},
              "Notice": {"type": "object", "required": ["id", "number", "schoolId", "inspectorId", "requirements", "deadline", "state", "stateLabel", "problemIds"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "number": {"type": "string", "description": "文号"},
                "schoolId": {"$ref": "#/components/schemas/Id"},
                "inspectorId": {"$ref": "#/components/schemas/Id"},
                "requirements": {"type": "string", "description": "整改要求"},
                "deadline": {"type": "string", "description": "整改期限 YYYY-MM-DD"},
                "state": {"type": "string", "enum": ["draft", "pendingApproval", "issued", "acknowledged", "reported", "returned", "closed", "withdrawn"]},
                "stateLabel": {"type": "string"},
                "escalation": {"type": "string", "description": "已采取的督办步骤"},
                "issuedAt": {"type": "string", "format": "date-time"},
                "closedAt": {"type": "string", "format": "date-time"},
                "problemIds": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                "updatedAt": {"type": "string", "format": "date-time"}}},
              "NoticePage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/Notice"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "Complaint": {"type": "object", "required": ["id", "trackingCode", "channel", "category", "content", "state", "stateLabel", "receivedOn", "reply", "anonymous"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "trackingCode": {"type": "string", "description": "查询码"},
                "channel": {"type": "string", "description": "来源渠道"},
                "category": {"type": "string"},
                "content": {"type": "string"},
                "schoolId": {"$ref": "#/components/schemas/Id"},
                "state": {"type": "string", "enum": ["received", "accepted", "verifying", "handling", "replied", "closed", "rejected"]},
                "stateLabel": {"type": "string"},
                "inspectorId": {"$ref": "#/components/schemas/Id"},
                "receivedOn": {"type": "string", "description": "受理日期 YYYY-MM-DD"},
                "deadline": {"type": "string"},
                "reply": {"type": "string", "description": "答复"},
                "repliedOn": {"type": "string"},
                "escalation": {"type": "string"},
                "anonymous": {"type": "boolean"},
                "complainant": {"type": "object", "description": "投诉人：只给督导室账号，匿名投诉没有", "required": ["name", "phone"], "properties": {"name": {"type": "string"}, "phone": {"type": "string"}}},
                "updatedAt": {"type": "string", "format": "date-time"}}},
              "ComplaintPage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/Complaint"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "Bulletin": {"type": "object", "required": ["id", "period", "title", "issue", "state", "stateLabel", "publishedPublic", "sections"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "period": {"type": "string", "description": "所报月份 YYYY-MM"},
                "title": {"type": "string"},
                "issue": {"type": "string", "description": "期号，如 2026年第2期"},
                "state": {"type": "string", "enum": ["draft", "approved", "published"]},
                "stateLabel": {"type": "string"},
                "publishedOn": {"type": "string"},
                "publishedPublic": {"type": "boolean", "description": "是否向社会公开"},
                "sections": {"type": "array", "items": {"type": "object", "required": ["heading", "text", "table"], "properties": {"heading": {"type": "string"}, "text": {"type": "string"}, "table": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}}},
                "updatedAt": {"type": "string", "format": "date-time"}}},
              "BulletinPage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/Bulletin"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "School": {"type": "object", "required": ["id", "code", "name", "type", "typeLabel", "ownership", "townshipId", "address", "principal", "phone", "students", "sections", "classes", "staff", "status"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "code": {"type": "string", "description": "学校标识码"},
                "name": {"type": "string"},
                "type": {"$ref": "#/components/schemas/SchoolType"},
                "typeLabel": {"type": "string", "description": "学校类型的中文名"},
                "ownership": {"type": "string", "enum": ["public", "private"]},
                "townshipId": {"type": "integer"},
                "address": {"type": "string"},
                "principal": {"type": "string", "description": "校长（园长）"},
                "phone": {"type": "string"},
                "students": {"type": "integer", "minimum": 0},
                "sections": {"type": "object", "description": "一贯制学校各学段的在校生数，键为 preschool、primary、junior、senior、vocational、special", "additionalProperties": {"type": "integer", "minimum": 0}},
                "classes": {"type": "integer", "minimum": 0},
                "staff": {"type": "integer", "minimum": 0},
                "status": {"type": "string", "enum": ["open", "closed"]},
                "inspectorId": {"type": "integer", "description": "当前挂牌督学；没有时不出现"}}},
              "SchoolPage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/School"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "Inspector": {"type": "object", "required": ["id", "name", "kind", "duties", "gender", "phone", "employer", "post", "status"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "name": {"type": "string"},
                "kind": {"$ref": "#/components/schemas/InspectorKind"},
                "duties": {"type": "array", "items": {"$ref": "#/components/schemas/InspectorDuty"}},
                "gender": {"type": "string", "enum": ["male", "female"]},
                "phone": {"type": "string"},
                "employer": {"type": "string", "description": "工作单位"},
                "post": {"type": "string", "description": "职务"},
                "termStart": {"$ref": "#/components/schemas/OptionalDay"},
                "termEnd": {"$ref": "#/components/schemas/OptionalDay"},
                "status": {"type": "string", "enum": ["active", "retired"]}}},
              "InspectorPage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/Inspector"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "Assignment": {"type": "object", "required": ["id", "inspectorId", "schoolId", "startDate"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "inspectorId": {"type": "integer"},
                "schoolId": {"type": "integer"},
                "startDate": {"$ref": "#/components/schemas/Day"},
                "endDate": {"$ref": "#/components/schemas/Day"}}},
              "AssignmentPage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/Assignment"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "VisitPlan": {"type": "object", "required": ["id", "schoolId", "plannedDate", "tasks", "methods", "focus"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "schoolId": {"type": "integer"},
                "plannedDate": {"$ref": "#/components/schemas/Day"},
                "tasks": {"type": "string"}, "methods": {"type": "string"}, "focus": {"type": "string"}}},
              "NewVisitPlan": {"type": "object", "required": ["schoolId", "date", "tasks", "methods", "focus"], "properties": {
                "schoolId": {"$ref": "#/components/schemas/Id"},
                "date": {"$ref": "#/components/schemas/Day"},
                "tasks": {"allOf": [{"$ref": "#/components/schemas/Text"}], "maxLength": 2000, "description": "督导任务"},
                "methods": {"allOf": [{"$ref": "#/components/schemas/Text"}], "maxLength": 1000, "description": "督导方式"},
                "focus": {"allOf": [{"$ref": "#/components/schemas/Text"}], "maxLength": 1000, "description": "督导重点"}}},
              "Visit": {"type": "object", "required": ["id", "schoolId", "memberIds", "date", "start", "end", "kind", "theme", "summary", "highlights", "status"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "schoolId": {"type": "integer"},
                "inspectorId": {"type": "integer", "description": "主持督学；督导室记录的督导没有主持督学时不出现"},
                "memberIds": {"type": "array", "description": "同行督学；列表中为空", "items": {"type": "integer"}},
                "date": {"$ref": "#/components/schemas/Day"},
                "start": {"type": "string", "description": "到校时间 HH:MM，未填为空字符串"},
                "end": {"type": "string", "description": "离校时间 HH:MM，未填为空字符串"},
                "kind": {"$ref": "#/components/schemas/VisitKind"},
                "theme": {"type": "string", "description": "督导主题"},
                "planId": {"type": "integer", "description": "关联的督导方案；没有时不出现"},
                "summary": {"type": "string", "description": "督导情况"},
                "highlights": {"type": "string", "description": "亮点"},
                "status": {"type": "string", "enum": ["draft", "submitted"]},
                "observations": {"type": "array", "description": "只在单条记录中出现", "items": {"$ref": "#/components/schemas/Observation"}},
                "interviews": {"type": "array", "description": "只在单条记录中出现；学校账号看不到仅内部可见的访谈", "items": {"$ref": "#/components/schemas/Interview"}},
                "problems": {"type": "array", "description": "只在单条记录中出现", "items": {"$ref": "#/components/schemas/Problem"}},
                "photoIds": {"type": "array", "description": "只在单条记录中出现", "items": {"type": "integer"}}}},
              "VisitPage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/Visit"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "NewVisit": {"type": "object", "required": ["schoolId", "date"], "description": "可选字段写 null 视同未填。", "properties": {
                "schoolId": {"$ref": "#/components/schemas/Id"},
                "date": {"$ref": "#/components/schemas/Day"},
                "start": {"$ref": "#/components/schemas/Time"},
                "end": {"$ref": "#/components/schemas/Time"},
                "kind": {"type": "string", "nullable": true, "enum": ["routine", "followUp", "special", "random", "fullDay", null], "default": "routine", "description": "常规、随访、专项、随机、一日督导"},
                "theme": {"type": "string", "pattern": "^[^\\x00]*$", "nullable": true, "maxLength": 100, "description": "督导主题；不填时为当月主题"},
                "planId": {"type": "integer", "nullable": true, "minimum": 1, "maximum": 2147483647, "description": "本人为该校制定的督导方案"},
                "memberIds": {"type": "array", "nullable": true, "description": "同行督学（本区督学）", "items": {"$ref": "#/components/schemas/Id"}},
                "summary": {"type": "string", "pattern": "^[^\\x00]*$", "nullable": true, "maxLength": 5000, "description": "督导情况"},
                "highlights": {"type": "string", "pattern": "^[^\\x00]*$", "nullable": true, "maxLength": 2000, "description": "亮点"}}},
              "VisitPatch": {"type": "object", "description": "只传要改的字段；不传或写 null 的字段不变。", "properties": {
                "date": {"type": "string", "nullable": true, "format": "date", "pattern": "^(19[0-9]{2}|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD，1900–2100 年"},
                "start": {"$ref": "#/components/schemas/Time"},
                "end": {"$ref": "#/components/schemas/Time"},
                "kind": {"type": "string", "nullable": true, "enum": ["routine", "followUp", "special", "random", "fullDay", null]},
                "theme": {"type": "string", "pattern": "^[^\\x00]*$", "nullable": true, "maxLength": 100},
                "summary": {"type": "string", "pattern": "^[^\\x00]*$", "nullable": true, "maxLength": 5000},
                "highlights": {"type": "string", "pattern": "^[^\\x00]*$", "nullable": true, "maxLength": 2000}}},
              "Observation": {"type": "object", "required": ["id", "kind", "className", "subject", "teacher", "topic", "scores", "comment"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "kind": {"type": "string", "description": "lesson 听课、research 教研活动（中小学）；activity 保教活动（幼儿园）", "enum": ["lesson", "research", "activity"]},
                "className": {"type": "string"}, "subject": {"type": "string"}, "teacher": {"type": "string"}, "topic": {"type": "string"},
                "scores": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
                "comment": {"type": "string"}}},
              "NewObservation": {"type": "object", "required": ["topic"], "description": "听课（lesson）须填班级、学科和课题；教研活动（research）须填活动主题；幼儿园只记保教活动（activity），须填班级、活动类型（subject：游戏活动、生活活动、教育活动、户外体育活动）和活动名称，按幼儿园保教活动评估表评分。不填类型时，中小学为听课，幼儿园为保教活动。可选字段写 null 视同未填。", "properties": {
                "kind": {"type": "string", "nullable": true, "enum": ["lesson", "research", "activity", null]},
                "className": {"type": "string", "pattern": "^[^\\x00]*$", "nullable": true, "maxLength": 30, "description": "班级"},
                "subject": {"type": "string", "pattern": "^[^\\x00]*$", "nullable": true, "maxLength": 20, "description": "学科"},
                "teacher": {"type": "string", "pattern": "^[^\\x00]*$", "nullable": true, "maxLength": 20, "description": "授课教师"},
                "topic": {"allOf": [{"$ref": "#/components/schemas/Text"}], "maxLength": 100, "description": "课题或活动主题"},
                "comment": {"type": "string", "pattern": "^[^\\x00]*$", "nullable": true, "maxLength": 2000, "description": "评价意见"},
                "scores": {"type": "object", "nullable": true, "additionalProperties": false,
                  "description": "按本区课堂评价量表打分，每项为 0 到该项满分的整数（也可写成数字文本），可只打部分项。下列为默认量表；区县改了量表时，以设置中的评分项为准，不认识的评分项返回 422。",
                  "properties": {
                    "教学目标": {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 15}, {"$ref": "#/components/schemas/NumberText"}]},
                    "教学内容": {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 20}, {"$ref": "#/components/schemas/NumberText"}]},
                    "教学方法": {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 20}, {"$ref": "#/components/schemas/NumberText"}]},
                    "学生参与": {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 25}, {"$ref": "#/components/schemas/NumberText"}]},
                    "教学效果": {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 20}, {"$ref": "#/components/schemas/NumberText"}]}}}}},
              "Interview": {"type": "object", "required": ["id", "group", "people", "notes", "internalOnly"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "group": {"type": "string", "enum": ["teachers", "students", "parents", "caregivers"]},
                "people": {"type": "integer", "minimum": 1},
                "notes": {"type": "string"},
                "internalOnly": {"type": "boolean"}}},
              "NewInterview": {"type": "object", "required": ["group", "people"], "properties": {
                "group": {"type": "string", "enum": ["teachers", "students", "parents", "caregivers"], "description": "访谈对象：教师、学生、家长；幼儿园为教师、保育员（caregivers）、家长"},
                "people": {"description": "人数 1–500（也可写成数字文本）", "anyOf": [{"type": "integer", "minimum": 1, "maximum": 500}, {"$ref": "#/components/schemas/NumberText"}]},
                "notes": {"type": "string", "pattern": "^[^\\x00]*$", "nullable": true, "maxLength": 3000, "description": "访谈内容"},
                "internalOnly": {"description": "仅内部可见（学校账号看不到）：true、1 或 \"on\" 为是，其他值或 null 为否", "anyOf": [{"type": "boolean", "nullable": true}, {"type": "number"}, {"type": "string", "pattern": "^[^\\x00]*$"}]}}},
              "Problem": {"type": "object", "required": ["id", "category", "severity", "disposition", "description", "state"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "category": {"type": "string"},
                "severity": {"type": "string", "enum": ["minor", "serious", "urgent"]},
                "disposition": {"type": "string", "enum": ["rectify", "refer", "suggest"]},
                "description": {"type": "string"},
                "state": {"type": "string", "enum": ["open", "closed"]}}},
              "NewProblem": {"type": "object", "required": ["category", "severity", "disposition", "description"], "properties": {
                "category": {"allOf": [{"$ref": "#/components/schemas/Text"}], "description": "本区设置的问题类别之一（默认：办学行为、课程教学、作业管理、安全、食堂卫生、师德师风、校园环境、五项管理、其他）"},
                "severity": {"type": "string", "enum": ["minor", "serious", "urgent"], "description": "一般、较重、严重"},
                "disposition": {"type": "string", "enum": ["rectify", "refer", "suggest"], "description": "整改、协商、建议"},
                "description": {"allOf": [{"$ref": "#/components/schemas/Text"}], "maxLength": 2000, "description": "问题描述"}}},
              "ProblemRecord": {"type": "object", "required": ["id", "schoolId", "inspectorId", "category", "severity", "severityLabel", "disposition", "dispositionLabel", "description", "state", "stateLabel", "referralDepartment", "referralReply"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "schoolId": {"$ref": "#/components/schemas/Id"},
                "inspectorId": {"$ref": "#/components/schemas/Id"},
                "visitId": {"type": "integer", "description": "发现问题的督导记录；来自投诉或督导意见书时不出现"},
                "complaintId": {"type": "integer", "description": "来源投诉"},
                "campaignTargetId": {"type": "integer", "description": "提出该问题的督导意见书所属督导对象"},
                "category": {"type": "string"},
                "severity": {"type": "string", "enum": ["minor", "serious", "urgent"]},
                "severityLabel": {"type": "string"},
                "disposition": {"type": "string", "enum": ["rectify", "refer", "suggest"]},
                "dispositionLabel": {"type": "string"},
                "description": {"type": "string"},
                "state": {"type": "string", "enum": ["open", "closed"]},
                "stateLabel": {"type": "string"},
                "noticeId": {"type": "integer", "description": "所在整改通知书"},
                "deadline": {"type": "string", "description": "整改期限 YYYY-MM-DD"},
                "referralDepartment": {"type": "string", "description": "协商的部门"},
                "referralReply": {"type": "string", "description": "部门答复"},
                "createdAt": {"type": "string", "format": "date-time"},
                "updatedAt": {"type": "string", "format": "date-time"}}},
              "ProblemRecordPage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/ProblemRecord"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "MonthlyReport": {"type": "object", "required": ["id", "inspectorId", "month", "state", "stateLabel", "remarks", "officeComment"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "inspectorId": {"$ref": "#/components/schemas/Id"},
                "month": {"type": "string", "description": "所报月份 YYYY-MM"},
                "state": {"type": "string", "enum": ["draft", "submitted", "received", "returned"]},
                "stateLabel": {"type": "string"},
                "figures": {"type": "object", "description": "报送时固定的本月数字；草稿没有", "required": ["visits", "schools", "observations", "interviews", "problemsFound", "noticesClosed", "complaintsHandled"], "properties": {
                  "visits": {"type": "integer", "minimum": 0, "description": "到校督导"}, "schools": {"type": "integer", "minimum": 0, "description": "督导学校"},
                  "observations": {"type": "integer", "minimum": 0, "description": "听课"}, "interviews": {"type": "integer", "minimum": 0, "description": "访谈"},
                  "problemsFound": {"type": "integer", "minimum": 0, "description": "发现问题"}, "noticesClosed": {"type": "integer", "minimum": 0, "description": "整改销号"},
                  "complaintsHandled": {"type": "integer", "minimum": 0, "description": "办理投诉"}}},
                "remarks": {"type": "string", "description": "督学的说明"},
                "officeComment": {"type": "string", "description": "督导室的意见"},
                "submittedOn": {"type": "string", "description": "报送日期 YYYY-MM-DD"},
                "updatedAt": {"type": "string", "format": "date-time"}}},
              "MonthlyReportPage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/MonthlyReport"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "WorkReport": {"type": "object", "required": ["id", "inspectorId", "semester", "kind", "kindLabel", "title", "body", "selected"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "inspectorId": {"$ref": "#/components/schemas/Id"},
                "semester": {"type": "string", "description": "学期，如 2026-autumn"},
                "kind": {"type": "string", "enum": ["summary", "caseStudy"]},
                "kindLabel": {"type": "string"},
                "title": {"type": "string"},
                "body": {"type": "string"},
                "selected": {"type": "boolean", "description": "是否推荐参加全区案例评选"},
                "createdAt": {"type": "string", "format": "date-time"},
                "updatedAt": {"type": "string", "format": "date-time"}}},
              "WorkReportPage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/WorkReport"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "CampaignKind": {"type": "string", "description": "comprehensive 综合督导、special 专项督导、opening 开学督导、random 随机督导、assessment 评估考核、principalTerm 校长任期结束督导、government 督政", "enum": ["comprehensive", "special", "opening", "random", "assessment", "principalTerm", "government"]},
              "CampaignPhase": {"type": "string", "description": "notice 书面通知、selfAssessment 自评、onSite 实地督导、preliminary 初步意见、appeal 申辩、opinion 督导意见书、rectification 整改、report 报告", "enum": ["notice", "selfAssessment", "onSite", "preliminary", "appeal", "opinion", "rectification", "report"]},
              "Campaign": {"type": "object", "required": ["id", "kind", "kindLabel", "title", "versionId", "phases", "startsOn", "endsOn", "announced", "publishedPublic", "recheckPercent", "createdAt"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "kind": {"$ref": "#/components/schemas/CampaignKind"},
                "kindLabel": {"type": "string"},
                "title": {"type": "string"},
                "versionId": {"type": "integer", "description": "计分所用的指标体系版本"},
                "phases": {"type": "array", "items": {"$ref": "#/components/schemas/CampaignPhase"}},
                "startsOn": {"type": "string", "description": "开始日期 YYYY-MM-DD"},
                "endsOn": {"type": "string", "description": "结束日期 YYYY-MM-DD"},
                "announced": {"type": "boolean", "description": "是否事先通知督导对象"},
                "publishedOn": {"type": "string", "description": "结果通报日期；未通报时不出现"},
                "publishedPublic": {"type": "boolean", "description": "是否向社会公开"},
                "recheckPercent": {"type": "integer", "minimum": 0, "maximum": 100, "description": "市级抽评比例（%），0 为不抽评"},
                "createdAt": {"type": "string", "format": "date-time"},
                "updatedAt": {"type": "string", "format": "date-time"}}},
              "CampaignPage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/Campaign"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "CampaignResult": {"type": "object", "required": ["id", "campaignId", "name", "phaseLabel", "vetoed", "opinion", "recheck", "updatedAt"], "properties": {
                "id": {"$ref": "#/components/schemas/Id"},
                "campaignId": {"$ref": "#/components/schemas/Id"},
                "name": {"type": "string", "description": "督导对象"},
                "schoolId": {"type": "integer"},
                "orgUnitId": {"type": "integer", "description": "督政对象（镇街或本区）"},
                "schoolType": {"type": "string"},
                "phase": {"$ref": "#/components/schemas/CampaignPhase"},
                "phaseLabel": {"type": "string", "description": "所处环节；全部完成为“已完成”"},
                "total": {"type": "number", "description": "督导组得分，未取整；组长确定前不出现"},
                "grade": {"type": "string", "description": "等次"},
                "vetoed": {"type": "boolean", "description": "是否一票否决"},
                "opinionNumber": {"type": "string", "description": "督导意见书文号"},
                "opinion": {"type": "string", "description": "督导意见"},
                "selfTotal": {"type": "number", "description": "自评得分，未取整；提交自评前不出现"},
                "recheck": {"type": "boolean", "description": "是否抽中市级抽评"},
                "recheckTotal": {"type": "number", "description": "市级抽评得分，未取整；提交前不出现"},
                "recheckGrade": {"type": "string", "description": "市级抽评等次"},
                "updatedAt": {"type": "string", "format": "date-time"}}},
              "CampaignResultPage": {"type": "object", "required": ["items", "page", "per", "total"], "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/CampaignResult"}}, "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "Balance": {"type": "object", "required": ["year", "years", "standard", "standardLabel", "filing", "returns", "sections"], "properties": {
                "year": {"type": "integer"},
                "years": {"type": "array", "description": "有年报的年度", "items": {"type": "integer"}},
                "standard": {"type": "string", "enum": ["2012", "2017"]},
                "standardLabel": {"type": "string"},
                "filing": {"type": "integer", "minimum": 0, "description": "应填报年报的在办学校数"},
                "returns": {"type": "object", "description": "年报按状态计数：draft 填报中、submitted 已报送、locked 已审核锁定", "additionalProperties": {"type": "integer", "minimum": 0}},
                "sections": {"type": "array", "items": {"type": "object", "required": ["section", "sectionLabel", "schools", "students", "line", "passes", "coefficients"], "properties": {
                  "section": {"type": "string", "enum": ["primary", "junior"]},
                  "sectionLabel": {"type": "string"},
                  "schools": {"type": "integer", "minimum": 0},
                  "students": {"type": "integer", "minimum": 0},
                  "line": {"type": "number", "description": "差异系数达标线"},
                  "compositeCV": {"type": "number", "description": "2012 标准的综合差异系数；2017 标准不出现"},
                  "passes": {"type": "boolean"},
                  "coefficients": {"type": "array", "items": {"type": "object", "required": ["indicator", "label"], "properties": {
                    "indicator": {"type": "string"}, "label": {"type": "string"},
                    "countyValue": {"type": "number"}, "deviation": {"type": "number"}, "cv": {"type": "number", "description": "差异系数，未取整"},
                    "line": {"type": "number"}, "passes": {"type": "boolean"}}}}}}}}},
              "Compliance": {"type": "object", "required": ["semester", "items", "page", "per", "total"], "properties": {
                "semester": {"type": "string", "pattern": "^[0-9]{4}-(spring|autumn)$"},
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/ComplianceRow"}},
                "page": {"type": "integer", "minimum": 1}, "per": {"type": "integer", "minimum": 1, "maximum": 200}, "total": {"type": "integer", "minimum": 0}}},
              "ComplianceRow": {"type": "object", "required": ["inspectorId", "rules", "shortfalls"], "properties": {
                "inspectorId": {"type": "integer"},
                "rules": {"type": "object", "description": "六条规则（areaPlan、visitPlan、monthlyVisit、observation、interviews、summaryAndCase）的状态：met 已落实、pending 未到期、short:N 有 N 项不足",
                  "additionalProperties": {"type": "string", "pattern": "^(met|pending|short:[0-9]+)$"}},
                "shortfalls": {"type": "array", "items": {"$ref": "#/components/schemas/Shortfall"}}}},
              "Shortfall": {"type": "object", "required": ["rule", "inspectorID", "expected", "actual", "message"], "properties": {
                "rule": {"type": "string", "enum": ["areaPlan", "visitPlan", "monthlyVisit", "observation", "interviews", "summaryAndCase"]},
                "inspectorID": {"type": "integer"},
                "schoolID": {"type": "integer"},
                "month": {"type": "object", "required": ["year", "month"], "properties": {"year": {"type": "integer"}, "month": {"type": "integer", "minimum": 1, "maximum": 12}}},
                "visitID": {"type": "integer"},
                "reportKind": {"type": "string", "enum": ["summary", "caseStudy"]},
                "expected": {"type": "integer"},
                "actual": {"type": "integer"},
                "message": {"type": "string", "description": "中文说明"}}}
            }
          }
        }
        """#
}
