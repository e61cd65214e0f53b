// Settling a conflict with a later SEN2 return from the return's page: keep
// Tandem's value or take the file's (SEN managers and caseworkers, who both
// see the return and change cases).
#include "app/sen2_conflicts.h"
#include "web/forms.h"
#include "web/handlers.h"

namespace tandem::web::handlers {

Response sen2_conflict_settle(Ctx& ctx) {
  if (!role_has(ctx.me().role, Permission::view_performance))
    return error_page(ctx, 403, "You cannot settle conflicts",
                      "Settling a conflict with the SEN2 return is for staff who see the return and change cases.");
  auto services = ctx.s.register_services();
  auto out = app::settle_sen2_conflict(services, ctx.me(), ctx.captures.at(0), param(ctx.form, "keep"));
  if (!out) {
    const auto& field = out.error().first_field();
    if (field == "conflict") return error_page(ctx, 404, "Page not found", out.error().first_message());
    return page(ctx, field == "settled" ? 409 : 400, "error", "Conflict not settled",
                mstch::map{{"heading", std::string("The conflict was not settled")},
                           {"message", out.error().first_message() + ". Go back to the SEN2 return and try again."}},
                "performance", &out.error());
  }
  return redirect("/returns/sen2?settled=" + out->resolution);
}

}  // namespace tandem::web::handlers
