using Microsoft.AspNetCore.Authorization;
using UsmpCare.Domain;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Treatments;

/// <summary>
/// Issue #20 points 2 and 6, the unit's distribution settings: the default mode of each drug class, offered when a line
/// is added (the prescriber may still choose another), and how many supervised doses missed in a row alert the
/// prescriber. The médecin coordonnateur's choice for his own unit (P37); audited like the other pages that change how
/// care is given (P16), though no patient is shown.
/// </summary>
[RequirePermission(Permission.SetDistributionDefaults)]
[Audited]
public sealed class SettingsModel(AppDbContext db, CurrentUnit currentUnit, IAuthorizationService authorization)
    : PageModel, IReloadsAfterRefusal
{
    private static readonly UnitScopeRequirement Scope = new(Permission.SetDistributionDefaults);

    /// <summary>The unit the form was drawn for: checked against the user's units, never taken on trust.</summary>
    [BindProperty] public Guid UnitId { get; set; }
    [BindProperty] public Dictionary<DrugClass, DistributionMode> Modes { get; set; } = [];
    [BindProperty] public int? Threshold { get; set; }
    [TempData] public string? Message { get; set; }

    public string UnitName { get; private set; } = "";
    public DistributionDefaults Defaults { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await currentUnit.IdAsync() is not { } unitId)
        {
            return Forbid();
        }
        await LoadAsync(unitId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var stored = await db.DistributionDefaults.FirstOrDefaultAsync(d => d.UnitId == UnitId);
        var defaults = stored ?? new DistributionDefaults(UnitId);
        // Another unit's defaults are refused by the resource check (UnitScopeHandler), whatever the form says.
        if (!(await authorization.AuthorizeAsync(User, defaults, Scope)).Succeeded)
        {
            return Forbid();
        }
        if (stored is null)
        {
            db.DistributionDefaults.Add(defaults);
        }
        foreach (var (drugClass, mode) in Modes)
        {
            defaults.Set(drugClass, mode);
        }
        defaults.AlertAfterMissedDoses(Threshold ?? throw new DomainException(
            $"Indiquez le nombre de doses supervisées manquées d'affilée qui alerte le prescripteur (de 1 à {DistributionDefaults.MaxMissedDosesBeforeAlert})."));
        await db.SaveChangesAsync();
        Message = $"Paramètres de distribution enregistrés : le prescripteur est alerté après {defaults.MissedDosesBeforeAlert} dose(s) supervisée(s) manquée(s) d'affilée.";
        return RedirectToPage();
    }

    async Task IReloadsAfterRefusal.ReloadAsync()
    {
        if (await currentUnit.IdAsync() is { } unitId)
        {
            await LoadAsync(unitId);
        }
    }

    private async Task LoadAsync(Guid unitId)
    {
        UnitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync();
        Defaults = await db.DistributionDefaults.AsNoTracking().FirstOrDefaultAsync(d => d.UnitId == unitId)
                   ?? new DistributionDefaults(unitId);
        UnitId = unitId;
    }
}
