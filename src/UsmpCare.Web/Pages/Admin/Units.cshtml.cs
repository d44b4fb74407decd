using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Data;

namespace UsmpCare.Web.Pages.Admin;

[Infrastructure.ShowsInputErrors]
[RequirePermission(Permission.ManageUnits)]
public sealed class UnitsModel(AppDbContext db) : PageModel
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
}
