using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Admin;

[RequirePermission(Permission.ManageAccounts)]
public sealed class UsersModel(AppDbContext db, UserManager<User> users, IUserStore<User> store, AuditTrail audit,
    RecentAuthentication reauth) : PageModel, IReloadsAfterRefusal
{
    public sealed record Row(Guid Id, string Name, string Email, string Roles, string Team, string Units, bool IsActive,
        bool Mfa);

    [BindProperty] public NewAccount Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IEnumerable<SelectListItem> RoleOptions =>
        Enum.GetValues<Role>().Select(r => new SelectListItem(r.Label(), r.ToString()));

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        // Units are ticked from the list: an id of no unit is refused, not left to the foreign key.
        var units = await db.Units.Select(u => u.Id).ToListAsync();
        // ASVS V3.7.1: account changes by the administrator need a recent authentication, like issuing.
        IReadOnlyList<string> problems = ["Choisissez les unités dans la liste proposée."];
        if (!Input.UnitIds.Except(units).Any())
        {
            await reauth.ConfirmAsync();
            problems = await AccountCreation.CreateAsync(users, Input);
        }
        if (problems.Count == 0)
        {
            var codes = await db.Units.Where(u => Input.UnitIds.Contains(u.Id)).Select(u => u.Code).ToListAsync();
            await AccountAudit.RecordAsync(audit, User, "/Admin/Users", (await users.FindByEmailAsync(Input.Email.Trim()))!,
                AccountAudit.Opened(Input, codes));
            Message = $"Compte créé pour {Input.FirstName.Trim()} {Input.LastName.Trim()}.";
            return RedirectToPage();
        }
        foreach (var problem in problems)
        {
            ModelState.AddModelError("", problem);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostToggleAsync(Guid id)
    {
        var (user, refused) = await OtherAccountAsync(id, "Vous ne pouvez pas désactiver votre propre compte.");
        if (user is null)
        {
            return refused!;
        }
        user.IsActive = !user.IsActive;
        await users.UpdateAsync(user);
        // Disabling ends the account's sessions: the cookie's security stamp no longer matches.
        await users.UpdateSecurityStampAsync(user);
        await AccountAudit.RecordAsync(audit, User, "/Admin/Users", user, AccountAudit.Active(user.IsActive));
        Message = user.IsActive ? $"{user.DisplayName} est réactivé." : $"{user.DisplayName} est désactivé.";
        return RedirectToPage();
    }

    /// <summary>
    /// A lost or changed telephone: the second factor is removed (key and recovery codes), every open session ends
    /// (new security stamp), and the user enrols again at his next sign-in. Audited with the account's id.
    /// </summary>
    public async Task<IActionResult> OnPostResetMfaAsync(Guid id)
    {
        // His own would end his session and leave the administration without its administrator until he enrols.
        var (user, refused) = await OtherAccountAsync(id,
            "Vous ne pouvez pas réinitialiser votre propre second facteur : demandez-le à un autre administrateur.");
        if (user is null)
        {
            return refused!;
        }
        await TwoStepSignIn.ResetSecondFactorAsync(users, store, user, HttpContext.RequestAborted);
        await audit.AppendAsync(AuditEvent.By(User, AuditAction.MfaReset, $"/Admin/Users/{user.Id}", StatusCodes.Status200OK));
        Message = $"Second facteur de {user.DisplayName} réinitialisé : ses sessions sont fermées, il l'activera de nouveau à sa prochaine connexion.";
        return RedirectToPage();
    }

    Task IReloadsAfterRefusal.ReloadAsync() => LoadAsync();

    /// <summary>
    /// The account an administrator changes: never his own (he would lock himself out; the page says why and changes
    /// nothing), and only after a recent authentication (ASVS V3.7.1). Null with the 404 or the refusal to return.
    /// </summary>
    private async Task<(User? Account, IActionResult? Refused)> OtherAccountAsync(Guid id, string ownAccount)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return (null, NotFound());
        }
        if (user.Id == User.UserId())
        {
            Message = ownAccount;
            return (null, RedirectToPage());
        }
        await reauth.ConfirmAsync();
        return (user, null);
    }

    private async Task LoadAsync()
    {
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Name).ToListAsync();
        var unitNames = Units.ToDictionary(u => u.Id, u => u.Code);
        var roleNames = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync();
        var list = await db.Users.AsNoTracking().Include(u => u.Memberships).OrderBy(u => u.LastName).ToListAsync();
        Rows = [.. list.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "",
            string.Join(", ", roleNames.Where(r => r.UserId == u.Id)
                .Select(r => Enum.TryParse<Role>(r.Name, out var role) ? role.Label() : r.Name)),
            u.Team?.Label() ?? "",
            string.Join(", ", u.Memberships.Select(m => unitNames.GetValueOrDefault(m.UnitId, "?"))),
            u.IsActive, u.TwoFactorEnabled))];
    }
}
