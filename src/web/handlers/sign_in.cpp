#include "app/crypto.h"
#include "web/handlers.h"

namespace tandem::web::handlers {

namespace {

std::string cookie(const Ctx& ctx, const std::string& name, const std::string& value, bool expire) {
  std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
  if (ctx.s.secure_cookies) c += "; Secure";
  if (expire) c += "; Max-Age=0";
  return c;
}

// Only same-site paths: an open redirect would let a phishing link borrow our sign-in page.
std::string safe_next(const std::string& next) {
  if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\') return next;
  return "/";
}

Response render_form(Ctx& ctx, int status, const std::string& signin_cookie, const std::string& email,
                     const std::string& next, const Error* errors) {
  mstch::map view{{"csrf_token", ctx.s.auth.csrf_token("signin:" + signin_cookie)}, {"email", email}, {"next", next}};
  Response r = page(ctx, status, "sign_in", "Sign in", std::move(view), "", errors);
  // page() sets csrf_token from the session when signed in; here there is none.
  r.set("Set-Cookie", cookie(ctx, kSignInCookie, signin_cookie, false));
  return r;
}

}  // namespace

Response sign_in_form(Ctx& ctx) {
  if (ctx.user) return redirect("/");
  const auto cookies = parse_cookies(ctx.req.header("cookie"));
  std::string pre = param(cookies, kSignInCookie);
  if (pre.empty() || pre.size() > 64) pre = app::random_token();
  return render_form(ctx, 200, pre, "", safe_next(param(ctx.query, "next")), nullptr);
}

Response sign_in(Ctx& ctx) {
  const std::string email = param(ctx.form, "email");
  const std::string next = safe_next(param(ctx.form, "next"));
  auto result = ctx.s.auth.sign_in(email, param(ctx.form, "password"), ctx.req.remote_address);
  if (!result) {
    const auto cookies = parse_cookies(ctx.req.header("cookie"));
    return render_form(ctx, 400, param(cookies, kSignInCookie), email, next, &result.error());
  }
  Response r = redirect(next);
  r.set("Set-Cookie", cookie(ctx, kSessionCookie, result->token, false));
  r.set("Set-Cookie", cookie(ctx, kSignInCookie, "", true));
  return r;
}

Response sign_out(Ctx& ctx) {
  const auto cookies = parse_cookies(ctx.req.header("cookie"));
  ctx.s.auth.sign_out(param(cookies, kSessionCookie));
  Response r = redirect("/sign-in");
  r.set("Set-Cookie", cookie(ctx, kSessionCookie, "", true));
  return r;
}

}  // namespace tandem::web::handlers
