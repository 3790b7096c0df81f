/// The OpenAPI description of /api/v1, served at /api/openapi.json.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.0.3",
  "info": {"title": "督导 Dudao API", "version": "1"},
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "schemas": {
      "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
        "code": {"type": "string"}, "message": {"type": "string"}}}}}
    },
    "parameters": {
      "page": {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
      "per": {"name": "per", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}}
    }
  },
  "security": [{"bearer": []}],
  "paths": {
    "/api/v1/auth/token": {"post": {"security": [], "summary": "用户名和密码换取访问令牌",
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
        "required": ["username", "password"], "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}}}},
      "responses": {"200": {"description": "令牌"}, "401": {"description": "用户名或密码错误",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
    "/api/v1/schools": {"get": {"summary": "学校（按账号范围）",
      "parameters": [{"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per"},
        {"name": "q", "in": "query", "schema": {"type": "string"}}, {"name": "township", "in": "query", "schema": {"type": "integer"}},
        {"name": "type", "in": "query", "schema": {"type": "string"}}, {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "closed", "all"]}}],
      "responses": {"200": {"description": "分页的学校列表"}, "401": {"description": "未认证"}}}},
    "/api/v1/schools/{id}": {"get": {"summary": "一所学校", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "学校"}, "404": {"description": "不存在或无权查看"}}}},
    "/api/v1/inspectors": {"get": {"summary": "督学（按账号范围）",
      "parameters": [{"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per"}],
      "responses": {"200": {"description": "分页的督学列表"}}}},
    "/api/v1/assignments": {"get": {"summary": "挂牌记录（按账号范围）",
      "parameters": [{"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per"},
        {"name": "current", "in": "query", "schema": {"type": "boolean"}}],
      "responses": {"200": {"description": "分页的挂牌记录"}}}},
    "/api/v1/visit-plans": {
      "get": {"summary": "本人的督导方案", "responses": {"200": {"description": "方案列表"}}},
      "post": {"summary": "制定督导方案", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
        "required": ["schoolId", "date", "tasks", "methods", "focus"], "properties": {"schoolId": {"type": "integer"}, "date": {"type": "string", "format": "date"},
        "tasks": {"type": "string"}, "methods": {"type": "string"}, "focus": {"type": "string"}}}}}},
        "responses": {"201": {"description": "已保存"}, "422": {"description": "字段有误", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
    "/api/v1/visits": {
      "get": {"summary": "督导记录（按账号范围）", "parameters": [{"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per"},
        {"name": "school", "in": "query", "schema": {"type": "integer"}}], "responses": {"200": {"description": "分页的督导记录"}}},
      "post": {"summary": "新建督导记录草稿", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
        "required": ["schoolId", "date"], "properties": {"schoolId": {"type": "integer"}, "date": {"type": "string", "format": "date"}, "start": {"type": "string", "example": "08:30"},
        "end": {"type": "string"}, "kind": {"type": "string", "enum": ["routine", "followUp", "special", "comprehensive", "fullDay"]}, "theme": {"type": "string"},
        "planId": {"type": "integer"}, "memberIds": {"type": "array", "items": {"type": "integer"}}, "summary": {"type": "string"}, "highlights": {"type": "string"}}}}}},
        "responses": {"201": {"description": "草稿"}, "403": {"description": "不是该校责任督学且未获授权"}, "422": {"description": "字段有误"}}}},
    "/api/v1/visits/{id}": {
      "get": {"summary": "一条督导记录（含听课、访谈、问题、照片编号）", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "督导记录"}, "404": {"description": "不存在或无权查看"}}},
      "put": {"summary": "修改草稿（只传要改的字段）", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "已保存"}, "403": {"description": "已提交的记录不能修改"}}}},
    "/api/v1/visits/{id}/observations": {"post": {"summary": "添加听课或教研", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["lesson", "research"]},
        "className": {"type": "string"}, "subject": {"type": "string"}, "teacher": {"type": "string"}, "topic": {"type": "string"}, "comment": {"type": "string"},
        "scores": {"type": "object", "additionalProperties": {"type": "integer"}}}}}}}, "responses": {"201": {"description": "已添加"}, "422": {"description": "字段有误"}}}},
    "/api/v1/visits/{id}/interviews": {"post": {"summary": "添加访谈", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"group": {"type": "string", "enum": ["teachers", "students", "parents"]},
        "people": {"type": "integer"}, "notes": {"type": "string"}, "internalOnly": {"type": "boolean"}}}}}}, "responses": {"201": {"description": "已添加"}}}},
    "/api/v1/visits/{id}/problems": {"post": {"summary": "记录问题", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"category": {"type": "string"},
        "severity": {"type": "string", "enum": ["minor", "serious", "urgent"]}, "disposition": {"type": "string", "enum": ["rectify", "refer", "suggest"]},
        "description": {"type": "string"}}}}}}, "responses": {"201": {"description": "已记录"}}}},
    "/api/v1/visits/{id}/photos": {"post": {"summary": "上传照片（请求体即图片，caption 为查询参数）", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}},
      {"name": "caption", "in": "query", "schema": {"type": "string"}}], "requestBody": {"content": {"image/jpeg": {}, "image/png": {}, "image/webp": {}}},
      "responses": {"201": {"description": "已上传"}, "422": {"description": "不是图片或超过8MB"}}}},
    "/api/v1/visits/{id}/submit": {"post": {"summary": "提交并锁定", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "已提交"}, "422": {"description": "缺少督导情况或到校时间"}}}},
    "/api/v1/compliance": {"get": {"summary": "“六个一”落实情况", "parameters": [{"name": "semester", "in": "query", "schema": {"type": "string", "example": "2026-autumn"}},
      {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per"}], "responses": {"200": {"description": "每名督学的规则状态与不足项"}}}}
  }
}
"""#
}
