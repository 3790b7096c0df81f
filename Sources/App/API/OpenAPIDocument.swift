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
      "responses": {"200": {"description": "分页的挂牌记录"}}}}
  }
}
"""#
}
