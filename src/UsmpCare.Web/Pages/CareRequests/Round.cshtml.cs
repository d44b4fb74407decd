using Microsoft.AspNetCore.Authorization;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.CareRequests;

/// <summary>
/// P33, the nurse's letter-box round: one slip per form, keyboard only — patient (suggested as she types), team,
/// summary, urgency, Enter. Every refusal keeps what was typed.
/// </summary>
[RequirePermission(Permission.LogCareRequests)]
public sealed class RoundModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public sealed record SlipRow(int Number, CareRequest Request, string Who, bool Readable);

    public sealed class SlipInput
    {
        public string? Patient { get; set; }
        public bool Unidentified { get; set; }
        public bool Anonymous { get; set; }
        public RequestTeam Team { get; set; } = RequestTeam.Somatic;
        public string? Summary { get; set; }
        public Urgency Urgency { get; set; } = Urgency.NotUrgent;
        public bool Illegible { get; set; }
        public bool SeveralRequests { get; set; }
        public bool NotDuplicate { get; set; }
    }

    [BindProperty] public SlipInput Input { get; set; } = new();
    public CollectionRound Round { get; private set; } = null!;
    public IReadOnlyList<SlipRow> Slips { get; private set; } = [];
    public IReadOnlyList<Patient> Candidates { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    /// <summary>Instant suggestions for the patient field: écrou or name, accents and typos tolerated.</summary>
    public async Task<IActionResult> OnGetSuggestAsync(Guid id, string? q)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var found = await db.Patients.AsNoTracking()
            .Where(Patient.Present).Where(p => p.UnitId == Round.UnitId)
            .Search(q).Take(8).ToListAsync();
        // The intake flags ride along: the nurse knows at once who will need the answer read to him.
        return new JsonResult(found.Select(p => new
        {
            value = Describe(p),
            cell = (p.Cell ?? "") + (p.ReadsFrench ? "" : $" — ne lit pas le français{(p.SpokenLanguage is null ? "" : $" ({p.SpokenLanguage})")}"),
        }));
    }

    [ShowsInputErrors]
    public async Task<IActionResult> OnPostLogAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var patient = await ResolvePatientAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!Input.NotDuplicate && await IsDuplicateAsync(patient))
        {
            ModelState.AddModelError("", "Ce billet semble déjà saisi dans cette tournée (même patient, même équipe, même résumé). S'il s'agit bien d'un autre billet, cochez « ce n'est pas un doublon » et validez.");
            return Page();
        }
        var actor = Actor.Of(User);
        var request = new CareRequest(Round, patient?.Id, patient is null ? Input.Patient : null, Input.Team,
            Input.Summary ?? "", Input.Urgency, Input.Illegible, Input.Anonymous, Input.SeveralRequests,
            actor.Id, actor.Name, clock.GetUtcNow());
        db.CareRequests.Add(request);
        await db.SaveChangesAsync();
        Message = $"Billet n° {Slips.Count + 1} enregistré{(patient is null ? "" : " pour " + patient.FullName)}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }
        var round = await db.CollectionRounds.SingleAsync(r => r.Id == id);
        round.Close(clock.GetUtcNow());
        await db.SaveChangesAsync();
        Message = $"Tournée close : {Slips.Count} billet(s). Les coupons-réponse sont prêts à imprimer.";
        return RedirectToPage("/CareRequests/AnswerSlips", new { roundId = id });
    }

    private async Task<Patient?> ResolvePatientAsync()
    {
        var typed = Input.Patient?.Trim() ?? "";
        if (Input.Anonymous && typed.Length == 0)
        {
            return null;
        }
        if (typed.Length == 0)
        {
            ModelState.AddModelError("", "Indiquez le patient (écrou ou nom), ou cochez « anonyme ».");
            return null;
        }
        var present = db.Patients.AsNoTracking().Where(p => p.UnitId == Round.UnitId);
        var ecrou = Patient.NormalizeEcrou(typed.Split([' ', '—'], 2)[0]);
        var byEcrou = await present.FirstOrDefaultAsync(p => p.Ecrou == ecrou);
        if (byEcrou is not null || Input.Unidentified)
        {
            return byEcrou;
        }
        var matches = await present.Where(Patient.Present).Search(typed).Take(6).ToListAsync();
        var exact = matches.Where(p => PatientSearch.Normalize(p.LastName + " " + p.FirstName) == PatientSearch.Normalize(typed)
            || PatientSearch.Normalize(p.FirstName + " " + p.LastName) == PatientSearch.Normalize(typed)).ToList();
        if (matches.Count == 1 || exact.Count == 1)
        {
            return exact.Count == 1 ? exact[0] : matches[0];
        }
        Candidates = matches;
        ModelState.AddModelError("", matches.Count == 0
            ? $"Aucun patient présent ne correspond à « {typed} ». Vérifiez l'écrou, ou cochez « patient non identifié » pour enregistrer le billet à ce nom et le rapprocher plus tard."
            : $"Plusieurs patients correspondent à « {typed} » : précisez l'écrou (voir la liste ci-dessous).");
        return null;
    }

    private Task<bool> IsDuplicateAsync(Patient? patient)
    {
        var summary = (Input.Summary ?? "").Trim().ToLower();
        var name = Input.Patient?.Trim();
        return db.CareRequests.AnyAsync(r => r.RoundId == Round.Id && r.Team == Input.Team
            && r.Summary.ToLower() == summary
            && (patient != null ? r.PatientId == patient.Id : r.UnidentifiedName == name));
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var round = await db.CollectionRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
        if (round is null)
        {
            return NotFound();
        }
        if (!User.UnitIds().Contains(round.UnitId))
        {
            return Forbid();
        }
        Round = round;
        var requests = await db.CareRequests.AsNoTracking().Where(r => r.RoundId == id).OrderBy(r => r.LoggedAt)
            .GroupJoin(db.Patients, r => r.PatientId, p => p.Id, (r, ps) => new { r, ps })
            .SelectMany(x => x.ps.DefaultIfEmpty(), (x, p) => new { x.r, p })
            .ToListAsync();
        var rows = new List<SlipRow>();
        foreach (var (item, index) in requests.Select((x, i) => (x, i)))
        {
            // P30: the nurse who logged a psychiatric slip does not read it back unless her team is the psychiatric one.
            var readable = (await authorization.AuthorizeAsync(User,
                new RecordScope(item.r.UnitId, item.r.RecordTeam, SharingAgreed: false), ScopeRequirements.ReadRecord)).Succeeded;
            rows.Add(new SlipRow(index + 1, item.r,
                item.p is null ? (item.r.Anonymous ? "Anonyme" : $"Non identifié : {item.r.UnidentifiedName}") : Describe(item.p),
                readable));
        }
        Slips = rows;
        return null;
    }

    public static string Describe(Patient p) => $"{p.Ecrou} — {p.FullName}";
}
