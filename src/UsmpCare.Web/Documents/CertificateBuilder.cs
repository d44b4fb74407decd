using UsmpCare.Documents;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Units;

namespace UsmpCare.Web.Documents;

/// <summary>What the physician fills in to issue a document; the template decides which fields count.</summary>
public sealed class CertificateInput
{
    public DocumentKind Kind { get; set; }
    public Guid? SourceEntryId { get; set; }
    public int? IttDays { get; set; }
    public WorkStoppageType StoppageType { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public bool Extension { get; set; }
    public DateOnly? InitialFrom { get; set; }
    public bool ExitsAllowed { get; set; }
    public string? Employer { get; set; }
    public List<string> Measures { get; set; } = [];
    public string? Text { get; set; }
    public bool RequestedByPatient { get; set; }
    public Guid? RequestId { get; set; }
    public Guid? ReplacesId { get; set; }
}

/// <summary>Who signs: name and RPPS are printed on every certificate (P22).</summary>
public sealed record Signer(string Name, string? Rpps);

/// <summary>
/// Builds the letter of each template from the recorded facts. The templates for the AP and the JAP have no field
/// for a diagnosis (P25): only dates, measures and a free text that is checked before issue.
/// </summary>
public static class CertificateBuilder
{
    public sealed record Result(Letter Letter, IReadOnlyList<string> Problems, IReadOnlyList<string> FreeTexts);

    public static Result Build(CertificateInput input, Patient patient, Unit unit, Signer signer,
        ClinicalEntry? source, (DateTimeOffset First, DateTimeOffset Last)? followUp, IssuedDocument? replaces, DateOnly today)
    {
        var template = Catalogue.Of(input.Kind);
        var problems = new List<string>();
        var body = new List<LetterBlock>();
        var who = $"{patient.FullName}, né(e) le {Fr.Date(patient.BirthDate)}";
        var text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
        var measures = input.Measures.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct().ToList();
        problems.AddRange(template.Problems(source?.Findings, input.RequestedByPatient, measures, text));
        var employer = string.IsNullOrWhiteSpace(input.Employer) ? null : input.Employer.Trim();
        switch (input.Kind)
        {
            case DocumentKind.InjuryCertificate:
                body.Add(LetterBlock.Paragraph($"Je soussigné(e), {signer.Name}, certifie avoir examiné le {Date(source)} {who}, détenu(e) à l'établissement, et avoir fait les constatations suivantes :"));
                body.Add(LetterBlock.Heading("Constatations"));
                body.Add(LetterBlock.Paragraph(source?.Findings ?? ""));
                if (input.IttDays is null or < 0)
                {
                    problems.Add("Indiquez l'incapacité totale de travail (ITT) en jours, 0 si aucune.");
                }
                body.Add(LetterBlock.Row("Incapacité totale de travail", $"{input.IttDays ?? 0} jour(s), sauf complications"));
                AddText(body, text);
                body.Add(LetterBlock.Paragraph("Certificat établi à la demande de l'intéressé(e) et remis en main propre pour servir et valoir ce que de droit."));
                break;
            case DocumentKind.WorkStoppage:
                var notice = new WorkStoppageNotice(input.StoppageType, input.Extension, input.InitialFrom, input.From,
                    input.To, input.ExitsAllowed, employer);
                problems.AddRange(notice.Problems());
                body.Add(LetterBlock.Paragraph($"Je soussigné(e), {signer.Name}, certifie que l'état de santé de la personne ci-dessous contre-indique le travail pendant la période suivante :"));
                // The fields of the avis d'arrêt de travail (P23), in the catalogue's order; no reason, no diagnosis (P25).
                string[] values =
                [
                    DocumentIdentity.Of(patient, today), WorkStoppageNotice.Situation,
                    employer ?? "", input.StoppageType.Label(), notice.Kind, input.Extension ? Fr.Date(input.InitialFrom) : "—",
                    Fr.Date(input.From), Fr.Date(input.To), notice.Exits,
                ];
                body.AddRange(WorkStoppageNotice.Fields.Zip(values, LetterBlock.Row));
                AddText(body, text);
                break;
            case DocumentKind.RegimeAttestation:
                if (text is null)
                {
                    problems.Add("Rédigez l'attestation : ce que l'administration doit savoir, sans aucun élément de diagnostic (P25).");
                }
                body.Add(LetterBlock.Paragraph($"Je soussigné(e), {signer.Name}, atteste, au vu de l'état de santé de {who} :"));
                AddText(body, text);
                break;
            case DocumentKind.FollowUpAttestation:
                if (followUp is null)
                {
                    problems.Add("Aucune consultation signée de votre équipe pour ce patient : le suivi ne peut pas être attesté.");
                }
                body.Add(LetterBlock.Paragraph($"Je soussigné(e), {signer.Name}, atteste que {who} est suivi(e) par l'unité sanitaire."));
                body.Add(LetterBlock.Row("Suivi depuis le", followUp is { } f ? Fr.Local(f.First).ToString("dd/MM/yyyy") : ""));
                body.Add(LetterBlock.Row("Dernière consultation", followUp is { } l ? Fr.Local(l.Last).ToString("dd/MM/yyyy") : ""));
                AddText(body, text);
                body.Add(LetterBlock.Paragraph("Attestation établie à la demande de l'intéressé(e) pour être remise au juge de l'application des peines."));
                break;
            case DocumentKind.PathologyCertificate:
                body.Add(LetterBlock.Paragraph($"Je soussigné(e), {signer.Name}, certifie, à la demande de {who}, avoir constaté lors de la consultation du {Date(source)} :"));
                body.Add(LetterBlock.Paragraph(source?.Findings ?? ""));
                AddText(body, text);
                body.Add(LetterBlock.Paragraph("Certificat remis en main propre à l'intéressé(e), à sa demande, pour servir et valoir ce que de droit."));
                break;
            case DocumentKind.DisabilityAccommodation:
            case DocumentKind.MedicalNeed:
            case DocumentKind.RecommendationSheet:
                body.Add(LetterBlock.Paragraph(input.Kind == DocumentKind.RecommendationSheet
                    ? $"Pour la vie en détention de {who}, je préconise les mesures suivantes :"
                    : $"Je soussigné(e), {signer.Name}, certifie que l'état de santé de {who} justifie les aménagements suivants :"));
                body.AddRange(measures.Select(m => LetterBlock.Paragraph("– " + m)));
                AddText(body, text);
                break;
        }
        if (replaces is not null)
        {
            body.Add(LetterBlock.Paragraph($"Ce document annule et remplace le document n° {replaces.Number} du {Fr.Local(replaces.IssuedAt):dd/MM/yyyy}."));
        }
        var letter = new Letter(
            new Letterhead(unit.Name, unit.ReferenceHospital, unit.Address, unit.Phone),
            template.Title,
            [template.RecipientLine],
            $"Le {Fr.LongDate(today)}",
            DocumentIdentity.Of(patient, today),
            body,
            [signer.Name, signer.Rpps is null ? "" : $"RPPS {signer.Rpps}", unit.Name],
            Confidentiality: template.NoDiagnosis ? null : "Pli confidentiel — secret médical");
        // P25: what the physician types for the AP or the JAP is checked before it leaves, the employer's line included.
        string?[] typed = input.Kind == DocumentKind.WorkStoppage ? [text, employer] : [text];
        return new Result(letter, problems, [.. typed.OfType<string>()]);
    }

    private static string Date(ClinicalEntry? entry) => entry is null ? "" : Fr.Local(entry.OccurredAt).ToString("dd/MM/yyyy");

    private static void AddText(List<LetterBlock> body, string? text)
    {
        if (text is not null)
        {
            body.Add(LetterBlock.Paragraph(text));
        }
    }
}
