using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Accounts;

/// <summary>Accounts: Identity, its password and lockout rules, the two cookies and the keys that protect them.</summary>
public static class AccountsSetup
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<User, IdentityRole<Guid>>(options =>
            {
                // CNIL 2022 deliberation, case « password + lockout »: at least 12 characters is enough with a lockout
                // after a few failures (below); the 80-bit case without lockout would need more. MFA comes on top (P16).
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // TOTP codes are checked by our provider, which accepts each code once (ASVS V2.8.4); Identity's own accepts
                // a code again for 90 seconds.
                options.Tokens.AuthenticatorTokenProvider = ReplayGuardedAuthenticatorProvider.Name;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            // The authenticator key and recovery codes are stored protected (Data Protection), never in clear.
            .AddUserStore<ProtectedTokenUserStore>()
            .AddClaimsPrincipalFactory<UsmpClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ReplayGuardedAuthenticatorProvider>(ReplayGuardedAuthenticatorProvider.Name);

        // The 5-minute cookie between the password and the second factor (Pages/Account/Code, Enrol): same attributes as
        // the session cookie.
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = "usmp.2fa";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "usmp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Security:IdleTimeoutMinutes", 15));
            options.SlidingExpiration = true;
            // Absolute session lifetime (ASVS V3.3.2): the sign-in time is kept in the cookie's properties, which sliding
            // renewal and security-stamp refreshes carry over; past the limit the user signs in again, active or not.
            var absolute = TimeSpan.FromMinutes(builder.Configuration.GetValue("Security:AbsoluteSessionMinutes", 12 * 60));
            options.Events.OnSigningIn = context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items.TryAdd(RecentAuthentication.SignedInItem, now.ToString("O"));
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                await SessionCheck.ValidateAsync(context);
                if (context.Principal is not null
                    && context.Properties.Items.TryGetValue(RecentAuthentication.SignedInItem, out var signedIn)
                    && DateTimeOffset.TryParse(signedIn, out var at)
                    && context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - at >= absolute)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
            options.Events.OnRedirectToAccessDenied = async context =>
            {
                // Every denial is audited (who, what was refused), then the user sees the French refusal page.
                var trail = context.HttpContext.RequestServices.GetRequiredService<AuditTrail>();
                await trail.AppendAsync(AuditEvent.By(context.HttpContext.User,
                    AuditAction.Denied, context.HttpContext.Request.Path, StatusCodes.Status403Forbidden));
                context.Response.Redirect(context.RedirectUri);
            };
        });

        builder.Services.AddDataProtection()
            .SetApplicationName("UsmpCare")
            .PersistKeysToDbContext<AppDbContext>();
        builder.Services.AddScoped<RecentAuthentication>();
        return builder;
    }
}
