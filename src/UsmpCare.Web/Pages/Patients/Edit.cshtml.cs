using Npgsql;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Patients;

/// <summary>
/// A patient's administrative identity and flags. P29: the form has no field for the offence, the sentence or the
/// judicial file, on purpose.
/// </summary>
[UsmpCare.Web.Auditing.Audited]
[ShowsInputErrors]
[RequirePermission(Permission.ManagePatientIdentity)]
public sealed class EditModel(AppDbContext db, PatientAccess access, CurrentUnit currentUnit,
    TimeProvider clock) : PageModel
{
    public sealed class IdentityInput
    {
        public uint Version { get; set; }
        public string? Ecrou { get; set; }
        public string? LastName { get; set; }
        public string? BirthName { get; set; }
        public string? FirstName { get; set; }
        public DateOnly? BirthDate { get; set; }
        public Sex Sex { get; set; } = Sex.Male;
        public string? Ins { get; set; }
        public InsStatus InsStatus { get; set; }
        public string? Cell { get; set; }
        public string? Wing { get; set; }
        public DateOnly? ArrivalDate { get; set; }
        public PatientStatus Status { get; set; }
        public LegalStatus LegalStatus { get; set; }
        public DateOnly? ExpectedReleaseDate { get; set; }
        public bool IsVulnerable { get; set; }
        public string? VulnerabilityReason { get; set; }
        public CourtOrderedCare CourtOrderedCare { get; set; }
        public DateOnly? CourtOrderedCareSince { get; set; }
        public string? DesignatedPhysician { get; set; }
        public string? SpokenLanguage { get; set; }
        public bool ReadsFrench { get; set; } = true;
        public string? Alerts { get; set; }
    }

    [BindProperty] public IdentityInput Input { get; set; } = new();
    public Guid? PatientId { get; private set; }

    /// <summary>Alerts, vulnerability and court-ordered care are clinical: the secretariat neither sees
    /// nor changes them.</summary>
    public bool ClinicalFields => User.Can(Permission.ViewPatientChart);

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is null)
        {
            Input.ArrivalDate = Fr.Today(clock);
            return Page();
        }
        var opening = await access.OpenAsync(id, PatientNeed.ManageIdentity);
        if (opening.Refusal is { } refused)
        {
            return refused;
        }
        var patient = opening.Opened!.Patient;
        PatientId = id;
        Input = !ClinicalFields ? IdentityOnly(patient) : new IdentityInput
        {
            Version = patient.Version, Ecrou = patient.Ecrou, LastName = patient.LastName, BirthName = patient.BirthName,
            FirstName = patient.FirstName, BirthDate = patient.BirthDate, Sex = patient.Sex, Ins = patient.Ins,
            InsStatus = patient.InsStatus, Cell = patient.Cell, Wing = patient.Wing, ArrivalDate = patient.ArrivalDate,
            Status = patient.Status, LegalStatus = patient.LegalStatus, ExpectedReleaseDate = patient.ExpectedReleaseDate, IsVulnerable = patient.IsVulnerable,
            VulnerabilityReason = patient.VulnerabilityReason, CourtOrderedCare = patient.CourtOrderedCare,
            CourtOrderedCareSince = patient.CourtOrderedCareSince, DesignatedPhysician = patient.DesignatedPhysician,
            SpokenLanguage = patient.SpokenLanguage, ReadsFrench = patient.ReadsFrench,
            Alerts = string.Join('\n', patient.Alerts),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        PatientId = id;
        Patient? patient;
        if (id is null)
        {
            var unitId = await currentUnit.IdAsync();
            if (unitId is null)
            {
                return Forbid();
            }
            Validate();
            if (!ModelState.IsValid)
            {
                return Page();
            }
            patient = new Patient(unitId.Value, Input.Ecrou!, Input.LastName!, Input.FirstName!, Input.BirthDate!.Value,
                Input.Sex, Input.ArrivalDate!.Value);
            db.Patients.Add(patient);
        }
        else
        {
            if ((await access.OpenAsync(id, PatientNeed.ManageIdentity)).Refusal is { } refused)
            {
                return refused;
            }
            // The identity is changed on a tracked copy, under its version (two secretaries editing get a conflict).
            patient = await db.Patients.SingleAsync(p => p.Id == id);
            Validate();
            if (!ModelState.IsValid)
            {
                return Page();
            }
            db.Entry(patient).Property(p => p.Version).OriginalValue = Input.Version;
        }
        try
        {
            // One call for a new patient and an edited one: the constructor has no birth name to take.
            patient.SetIdentity(Input.LastName!, Input.FirstName!, Input.BirthName, Input.BirthDate!.Value, Input.Sex);
            patient.SetIns(Input.Ins, Input.InsStatus);
            patient.PlaceIn(Input.Cell, Input.Wing);
            patient.MoveTo(Input.Status);
            patient.SetStay(Input.ArrivalDate!.Value, Input.LegalStatus, Input.ExpectedReleaseDate);
            patient.SetContact(Input.DesignatedPhysician, Input.SpokenLanguage, Input.ReadsFrench);
            if (ClinicalFields)
            {
                patient.SetAlerts(Lines(Input.Alerts));
                patient.SetVulnerability(Input.IsVulnerable, Input.VulnerabilityReason);
                patient.SetCourtOrderedCare(Input.CourtOrderedCare, Input.CourtOrderedCareSince);
            }
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Cette fiche a été modifiée par quelqu'un d'autre pendant votre saisie. Votre saisie est conservée ci-dessous : rechargez la page pour voir l'autre version, puis reportez vos changements.");
            return Page();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError("", $"Le numéro d'écrou {Patient.NormalizeEcrou(Input.Ecrou ?? "")} est déjà attribué à un patient de cette unité.");
            return Page();
        }
        return User.Can(Permission.ViewPatientChart) ? RedirectToPage("/Patients/Chart", new { id = patient.Id }) : RedirectToPage("/Patients/Index");
    }

    private static IdentityInput IdentityOnly(Patient patient) => new()
    {
        Version = patient.Version, Ecrou = patient.Ecrou, LastName = patient.LastName, BirthName = patient.BirthName,
        FirstName = patient.FirstName, BirthDate = patient.BirthDate, Sex = patient.Sex, Ins = patient.Ins,
        InsStatus = patient.InsStatus, Cell = patient.Cell, Wing = patient.Wing, ArrivalDate = patient.ArrivalDate,
        Status = patient.Status, LegalStatus = patient.LegalStatus, ExpectedReleaseDate = patient.ExpectedReleaseDate,
        DesignatedPhysician = patient.DesignatedPhysician, SpokenLanguage = patient.SpokenLanguage,
        ReadsFrench = patient.ReadsFrench,
    };

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Input.Ecrou))
        {
            ModelState.AddModelError("", "Le numéro d'écrou est obligatoire.");
        }
        if (string.IsNullOrWhiteSpace(Input.LastName))
        {
            ModelState.AddModelError("", "Le nom est obligatoire.");
        }
        if (string.IsNullOrWhiteSpace(Input.FirstName))
        {
            ModelState.AddModelError("", "Le prénom est obligatoire.");
        }
        if (Input.BirthDate is null)
        {
            ModelState.AddModelError("", "La date de naissance est obligatoire.");
        }
        else if (Input.BirthDate > Fr.Today(clock) || Input.BirthDate < new DateOnly(1900, 1, 1))
        {
            ModelState.AddModelError("", "La date de naissance n'est pas plausible.");
        }
        if (Input.ArrivalDate is null)
        {
            ModelState.AddModelError("", "La date d'arrivée est obligatoire.");
        }
        if (Input.Ins is { Length: > 0 } ins && (ins.Trim().Length != 15 || !ins.Trim().All(char.IsAsciiDigit)))
        {
            ModelState.AddModelError("", "L'INS (matricule INS) compte 15 chiffres.");
        }
        if (ClinicalFields && Input.IsVulnerable && string.IsNullOrWhiteSpace(Input.VulnerabilityReason))
        {
            ModelState.AddModelError("", "Indiquez pourquoi la personne est hors d'état de se protéger (âge, état physique ou psychique).");
        }
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
}
