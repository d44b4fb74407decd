using UsmpCare.Domain.Units;
using UsmpCare.Web.Documents;

namespace UsmpCare.Web.Pages.Admin;

[Infrastructure.ShowsInputErrors]
[RequirePermission(Permission.ManageUnits)]
public sealed class UnitsModel(AppDbContext db) : PageModel, IReloadsAfterRefusal
{
    public sealed class UnitInput
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public EstablishmentType Type { get; set; } = EstablishmentType.MA;
        public string ReferenceHospital { get; set; } = "";
        public string Phone { get; set; } = "";
        public string Address { get; set; } = "";
    }

    [BindProperty] public UnitInput Input { get; set; } = new();
    [TempData] public string? Message { get; set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public async Task OnGetAsync() =>
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Name).ToListAsync();

    Task IReloadsAfterRefusal.ReloadAsync() => OnGetAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var (value, label) in new[] { (Input.Code, "Le code"), (Input.Name, "Le nom"),
                     (Input.ReferenceHospital, "L'établissement de rattachement"), (Input.Phone, "Le téléphone"),
                     (Input.Address, "L'adresse") })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                ModelState.AddModelError("", $"{label} est obligatoire.");
            }
        }
        var code = (Input.Code ?? "").Trim().ToUpperInvariant();
        if (code.Length > 0 && await db.Units.AnyAsync(u => u.Code == code))
        {
            ModelState.AddModelError("", $"Le code {code} est déjà utilisé par une autre unité.");
        }
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }
        db.Units.Add(new Unit(code, Input.Name, Input.Type, Input.ReferenceHospital, Input.Phone, Input.Address));
        await db.SaveChangesAsync();
        Message = $"Unité {code} créée.";
        return RedirectToPage();
    }

    /// <summary>P09: the hours printed on the patient's information sheet and the languages it is handed in besides French.</summary>
    public async Task<IActionResult> OnPostInformationAsync(Guid unitId, string? hours, string[] languages)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId);
        if (unit is null)
        {
            return NotFound();
        }
        var chosen = languages.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        foreach (var language in chosen.Where(l => !InformationSheetBuilder.Languages.ContainsKey(l)))
        {
            ModelState.AddModelError("", $"Le livret d'information n'est pas traduit dans la langue « {language} » : choisissez parmi les langues proposées.");
        }
        if ((hours ?? "").Trim().Length > 300)
        {
            ModelState.AddModelError("", "Les horaires tiennent en 300 caractères au plus.");
        }
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }
        unit.SetInformationSheet(hours ?? "", chosen);
        await db.SaveChangesAsync();
        Message = $"Livret d'information de l'unité {unit.Code} : horaires et langues enregistrés.";
        return RedirectToPage();
    }
}
