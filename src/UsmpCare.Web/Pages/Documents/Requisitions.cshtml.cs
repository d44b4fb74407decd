using UsmpCare.Documents;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Documents;

namespace UsmpCare.Web.Pages.Documents;

/// <summary>
/// P26: judicial requisitions. When the physician named has treated the patient (any entry he signed for him, in
/// either record), the expertise is blocked and the reasoned refusal letter citing art. R.4127-105 CSP is produced.
/// </summary>
[RequirePermission(Permission.IssueDocument)]
public sealed class RequisitionsModel(AppDbContext db, CurrentUnit currentUnit, DocumentIssuing issuing, TimeProvider clock) : PageModel
{
    public sealed record Row(Requisition Requisition, string Patient, string Ecrou);

    public sealed record Physician(Guid Id, string Name, string? Rpps);

    [BindProperty] public string? Ecrou { get; set; }
    [BindProperty] public string? Authority { get; set; }
    [BindProperty] public DateOnly? ReceivedOn { get; set; }
    [BindProperty] public Guid PhysicianId { get; set; }
    [BindProperty] public string? WhatAsked { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Physician> Physicians { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ReceivedOn ??= Fr.Today(clock);
        await LoadAsync();
    }

    public async Task<IActionResult> OnGetLetterAsync(Guid id)
    {
        var unitId = await currentUnit.IdAsync();
        var requisition = await db.Requisitions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.UnitId == unitId);
        return requisition?.RefusalLetter is { } pdf ? File(pdf, "application/pdf", "refus-de-requisition.pdf") : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var unit = await currentUnit.GetAsync();
        var ecrou = Patient.NormalizeEcrou(Ecrou ?? "");
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.UnitId == unit!.Id && p.Ecrou == ecrou);
        var physician = Physicians.FirstOrDefault(p => p.Id == PhysicianId);
        if (patient is null || physician is null)
        {
            ModelState.AddModelError("", patient is null ? $"Aucun patient de l'unité n'a l'écrou « {ecrou} »." : "Choisissez le médecin requis.");
            return Page();
        }
        // P26: any entry this physician signed for this patient, in either record, makes him the treating physician.
        var treated = await db.SomaticEntries.AnyAsync(e => e.PatientId == patient.Id && e.SignedById == physician.Id)
                      || await db.PsychiatricEntries.AnyAsync(e => e.PatientId == patient.Id && e.SignedById == physician.Id);
        var by = await issuing.IssuerAsync(User, patient);
        Requisition Record(byte[]? letter, DateTimeOffset at) => new(patient.Id, patient.UnitId, Authority ?? "",
            ReceivedOn ?? by.Today, physician.Id, physician.Name, WhatAsked ?? "", treated, letter, by.Actor.Id, by.Actor.Name, at);
        if (!treated)
        {
            db.Requisitions.Add(Record(null, clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        else
        {
            var letter = new Letter(by.Letterhead,
                "Refus de réquisition",
                [Authority ?? ""],
                $"Le {Fr.LongDate(by.Today)}",
                $"Réquisition reçue le {Fr.Date(ReceivedOn ?? by.Today)} concernant {patient.FullName}, écrou {patient.Ecrou}",
                [
                    LetterBlock.Paragraph($"Je soussigné(e), Dr {physician.Name}, ai bien reçu votre réquisition me demandant : « {WhatAsked?.Trim()} »."),
                    LetterBlock.Paragraph("Je suis le médecin traitant de cette personne. Or, selon l'article R.4127-105 du code de la santé publique, « nul ne peut être à la fois médecin expert et médecin traitant d'un même malade ». Je ne peux donc pas déférer à cette réquisition, et vous invite à désigner un autre médecin."),
                    LetterBlock.Paragraph("Je vous prie d'agréer l'expression de ma considération distinguée."),
                ],
                [$"Dr {physician.Name}", physician.Rpps is null ? "" : $"RPPS {physician.Rpps}", by.Unit.Name],
                Confidentiality: null);
            await issuing.IssueAsync(new DocumentRequest(by, patient, letter,
            [
                new(RecipientCategory.Procureur, Authority?.Trim() ?? "",
                    _ => "Refus motivé de réquisition (médecin traitant), sans information médicale",
                    "Art. R.4127-105 du code de la santé publique (P26)", null,
                    LegalException.JudicialRequisition),
            ])
            {
                Keep = issued =>
                {
                    var requisition = Record(issued.Pdf, issued.At);
                    db.Requisitions.Add(requisition);
                    return requisition.Id;
                },
            });
        }
        Message = treated
            ? $"Dr {physician.Name} soigne ce patient : l'expertise est bloquée (art. R.4127-105 CSP). La lettre de refus motivé est prête."
            : "Réquisition enregistrée : le médecin requis n'a pas soigné ce patient.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var rows = await db.Requisitions.AsNoTracking().Where(r => r.UnitId == unitId).OrderByDescending(r => r.RecordedAt).Take(200)
            .Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new { r, p.LastName, p.FirstName, p.Ecrou })
            .ToListAsync();
        Rows = [.. rows.Select(x => new Row(x.r, Patient.FullNameOf(x.LastName, x.FirstName), x.Ecrou))];
        var physicians = await db.StaffInRoles(unitId, Enum.GetValues<Role>().Where(r => r.IsPhysician()))
            .Select(x => new { x.User.Id, x.User.FirstName, x.User.LastName, x.User.Rpps }).Distinct().ToListAsync();
        Physicians = [.. physicians.Select(p => new Physician(p.Id, $"{p.FirstName} {p.LastName}", p.Rpps))];
    }
}
