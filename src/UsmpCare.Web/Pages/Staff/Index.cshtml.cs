using Microsoft.AspNetCore.Identity;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Staff;

/// <summary>
/// P37: the médecin coordonnateur leads the unit's medical staff — he sees its accounts and can suspend or restore
/// one of them (a departure, a long absence), and opens accounts for the staff he leads, in his unit.
/// </summary>
[RequirePermission(Permission.ManageUnitStaff)]
public sealed class IndexModel(AppDbContext db, UserManager<User> users, CurrentUnit currentUnit,
    RecentAuthentication reauth, AuditTrail audit) : PageModel, IReloadsAfterRefusal
{
    /// <summary>Roles a coordinator leads; never AP, SPIP, administrators or other coordinators.</summary>
    public static readonly Role[] LedRoles = [Role.Physician, Role.Psychiatrist, Role.Nurse, Role.Dentist, Role.Psychologist, Role.Secretary];

    public sealed record Row(Guid Id, string Name, string Email, Role Role, Team? Team, bool IsActive);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string UnitName { get; private set; } = "";
    [TempData] public string? Message { get; set; }

    [BindProperty] public NewAccount Input { get; set; } = new() { Role = Role.Nurse, Team = Team.Somatic };

    public async Task OnGetAsync()
    {
        var unit = await currentUnit.GetAsync();
        UnitName = unit?.Name ?? "";
        Rows = unit is null ? [] : await StaffOfAsync(unit.Id);
    }

    /// <summary>P37: the coordinator opens accounts for the staff he leads, in his own unit only.</summary>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        var unit = await currentUnit.GetAsync();
        if (unit is null)
        {
            return Forbid();
        }
        if (!LedRoles.Contains(Input.Role))
        {
            ModelState.AddModelError("", "Le médecin coordonnateur ouvre les comptes des médecins, psychiatres, infirmiers et secrétaires ; les autres comptes relèvent de l'administrateur.");
        }
        else
        {
            // ASVS V3.7.1: account changes need a recent authentication, as for the administrator.
            await reauth.ConfirmAsync();
            Input.UnitIds = [unit.Id];
            var problems = await AccountCreation.CreateAsync(users, Input);
            if (problems.Count == 0)
            {
                await AccountAudit.RecordAsync(audit, User, "/Staff", (await users.FindByEmailAsync(Input.Email.Trim()))!,
                    AccountAudit.Opened(Input, [unit.Code]), unit.Id);
                Message = $"Compte ouvert pour {Input.FirstName.Trim()} {Input.LastName.Trim()} dans l'unité.";
                return RedirectToPage();
            }
            problems.ToList().ForEach(p => ModelState.AddModelError("", p));
        }
        await OnGetAsync();
        return Page();
    }

    /// <summary>Moves a clinician of the unit to the other team (P30: he then reads the other record, not his old one).</summary>
    public async Task<IActionResult> OnPostTeamAsync(Guid id, Team team)
    {
        var unitId = await currentUnit.IdAsync();
        var row = unitId is null ? null : (await StaffOfAsync(unitId.Value)).FirstOrDefault(r => r.Id == id);
        if (row is null || row.Role == Role.Secretary)
        {
            return Forbid();
        }
        await reauth.ConfirmAsync();
        var user = await users.FindByIdAsync(id.ToString());
        user!.Team = team;
        await users.UpdateAsync(user);
        // The team is in the sign-in cookie: a new stamp makes the change take effect at the next request.
        await users.UpdateSecurityStampAsync(user);
        await AccountAudit.RecordAsync(audit, User, "/Staff", user, $"équipe {team.Label().ToLowerInvariant()}", unitId);
        Message = $"{user.DisplayName} rejoint l'équipe {team.Label().ToLowerInvariant()}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(Guid id)
    {
        var unitId = await currentUnit.IdAsync();
        if (unitId is null || (await StaffOfAsync(unitId.Value)).All(r => r.Id != id))
        {
            return Forbid();
        }
        // An account that also works in a unit this coordinator does not lead is the administrator's to suspend.
        var theirUnits = await db.UnitMemberships.Where(m => m.UserId == id).Select(m => m.UnitId).ToListAsync();
        if (theirUnits.Any(u => !User.UnitIds().Contains(u)))
        {
            Message = "Ce compte travaille aussi dans une autre unité : sa suspension relève de l'administrateur.";
            return RedirectToPage();
        }
        await reauth.ConfirmAsync();
        var user = await users.FindByIdAsync(id.ToString());
        user!.IsActive = !user.IsActive;
        await users.UpdateAsync(user);
        // A suspended account's open sessions end at their next request (security stamp).
        await users.UpdateSecurityStampAsync(user);
        await AccountAudit.RecordAsync(audit, User, "/Staff", user, AccountAudit.Active(user.IsActive), unitId);
        Message = user.IsActive ? $"Le compte de {user.DisplayName} est rétabli." : $"Le compte de {user.DisplayName} est suspendu.";
        return RedirectToPage();
    }

    Task IReloadsAfterRefusal.ReloadAsync() => OnGetAsync();

    private async Task<IReadOnlyList<Row>> StaffOfAsync(Guid unitId)
    {
        var rows = await db.StaffInRoles(unitId, LedRoles)
            .Select(x => new { x.User.Id, x.User.FirstName, x.User.LastName, x.User.Email, x.Role, x.User.Team, x.User.IsActive })
            .ToListAsync();
        return [.. rows.Select(x => new Row(x.Id, $"{x.FirstName} {x.LastName}", x.Email ?? "", Enum.Parse<Role>(x.Role),
            x.Team, x.IsActive))];
    }
}
