using UsmpCare.Documents;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Treatments;
using UsmpCare.Domain.Units;

namespace UsmpCare.Web.Documents;

/// <summary>
/// The release pack, one PDF in four parts (P12–P15, P18): the liaison letter (problems, treatments, allergies, follow-up
/// needed), the prescriptions with the unit's phone number, « vos dossiers médicaux » (every record the units hold and
/// how to obtain it), and the sheet on continuity of care. Only the records the author may read are summarised (P30).
/// </summary>
public static class ReleasePackBuilder
{
    /// <summary>
    /// P21: the cover sheet of a pack in transit — sender, recipient, « pli confidentiel — secret médical », and
    /// nothing medical: escort staff carry it and may read it.
    /// </summary>
    public static Letter Cover(Patient patient, Unit unit, string destination, DateOnly today) => new(
        new Letterhead(unit.Name, unit.ReferenceHospital, unit.Address, unit.Phone),
        "PLI CONFIDENTIEL — SECRET MÉDICAL",
        [$"Unité sanitaire de : {destination}", "À remettre en main propre au médecin, sans ouverture"],
        $"Le {Fr.LongDate(today)}",
        $"Transfert de {patient.FullName}, écrou {patient.Ecrou}",
        [
            LetterBlock.Paragraph("Ce pli contient des documents couverts par le secret médical. Il ne doit être ouvert que par un professionnel de santé de l'unité destinataire."),
            LetterBlock.Paragraph($"En cas de difficulté, appelez l'unité expéditrice au {unit.Phone}."),
        ],
        [unit.Name],
        Confidentiality: null);

    /// <summary>Issue #20: the three states read differently: « non renseignées » is no clinical statement.</summary>
    public static string Allergies(AllergyRecord record) => record.State switch
    {
        AllergyState.NotRecorded => "non renseignées (aucune information recueillie)",
        AllergyState.NoneKnown => $"aucune allergie connue (déclaré par {record.NoneKnownStatedBy} le {Fr.Date(DateOnly.FromDateTime(Fr.Local(record.NoneKnownStatedAt!.Value)))})",
        _ => string.Join(" ; ", record.Active.Select(a => $"{a.Substance} ({a.Reaction}, {a.Severity.Label()})")),
    };

    public static IEnumerable<LetterBlock> Substitution(TsoRelay relay) =>
    [
        LetterBlock.Row("Traitement de substitution, dernière prise", relay.LastDoseAt is { } last
            ? $"{Fr.DateTime(last)} : {relay.LastDose}" : "aucune prise enregistrée dans l'unité"),
        LetterBlock.Row("Relais du traitement de substitution", $"{TsoRelay.Label(relay.RelayKind)} {relay.RelayName}"
            + (relay.RelayContact is null ? "" : $", {relay.RelayContact}")
            + (relay.RelayAppointment is { } day ? $", rendez-vous le {Fr.Date(day)}" : "")),
        LetterBlock.Row("Naloxone à emporter", TsoRelay.Label(relay.Naloxone)),
    ];

    public static Letter Build(Patient patient, Unit unit, Signer signer, IReadOnlyList<ClinicalEntry> readableEntries,
        IReadOnlyList<MedicalRecord> records, IReadOnlyList<Team> readableTeams, string? followUp, DateOnly today,
        string title = "Dossier de sortie", TsoRelay? substitution = null, IReadOnlyList<ActiveLine>? treatment = null)
    {
        var amended = readableEntries.Where(e => e.AmendsId is not null && e.IsSigned).Select(e => e.AmendsId!.Value).ToHashSet();
        var consultations = readableEntries
            .Where(e => e.IsSigned && e.Kind == EntryKind.Consultation && !amended.Contains(e.Id))
            .OrderByDescending(e => e.OccurredAt).ToList();
        var problems = consultations.SelectMany(e => e.Diagnoses).GroupBy(d => d.Code).Select(g => g.First()).ToList();
        var since = today.AddMonths(-3).ToDateTime(TimeOnly.MinValue);
        var prescriptions = consultations.Where(e => Fr.Local(e.OccurredAt) >= since)
            .SelectMany(e => e.Prescriptions.Where(p => p.Kind == PrescriptionKind.Prescription)).ToList();
        // Issue #20: the current treatment is the signed prescriptions' active lines (ActiveTreatments, P30-walled by
        // the caller), written out as on the ordonnance (stupéfiants in letters); the old free-text lines of
        // consultations follow them.
        var current = (treatment ?? []).Select(a => a.Line.Describe(inLetters: a.Line.Narcotic))
            .Concat(prescriptions.Select(p => $"{p.Text} {p.Dosage}".Trim())).ToList();
        var toRenew = (treatment ?? []).Select(a => a.Line.Describe(inLetters: a.Line.Narcotic))
            .Concat(prescriptions.Select(p => $"{p.Text} {p.Dosage} {(p.Duration is null ? "" : "pendant " + p.Duration)}".TrimEnd())).ToList();

        var body = new List<LetterBlock>
        {
            LetterBlock.Heading("1. Lettre de liaison"),
            LetterBlock.Paragraph($"Cher confrère, chère consœur, {patient.FullName}, né(e) le {Fr.Date(patient.BirthDate)}, a été suivi(e) par l'unité sanitaire de l'établissement. Voici ce qui est utile à la continuité de ses soins."),
            LetterBlock.Row("Problèmes", problems.Count == 0 ? "aucun diagnostic codé" : string.Join(" ; ", problems.Select(d => $"{d.Label} ({d.Code})"))),
            LetterBlock.Row("Traitements en cours", current.Count == 0 ? "aucun" : string.Join(" ; ", current)),
            LetterBlock.Row("Allergies", Allergies(patient.Allergies)),
            LetterBlock.Row("Suivi nécessaire", string.IsNullOrWhiteSpace(followUp) ? "à préciser avec le patient" : followUp.Trim()),
        };
        if (substitution is not null)
        {
            // Issue #20 point 7: the TSO relay from the record, not free text — a missed relay after release is the
            // time of the highest overdose risk.
            body.AddRange(Substitution(substitution));
        }
        if (!readableTeams.Contains(Team.Psychiatric) && records.Any(r => r.Team == Team.Psychiatric))
        {
            body.Add(LetterBlock.Paragraph("Le suivi psychiatrique n'est pas résumé ici : il relève de l'équipe de psychiatrie, sans accord du patient au partage."));
        }
        body.Add(LetterBlock.PageBreak());
        body.Add(LetterBlock.Heading("2. Ordonnance"));
        body.Add(LetterBlock.Paragraph($"Pour {patient.FullName}, le {Fr.Date(today)} :"));
        body.Add(LetterBlock.Row("Allergies", Allergies(patient.Allergies)));
        body.AddRange(toRenew.Count == 0
            ? [LetterBlock.Paragraph("Aucun traitement en cours à renouveler.")]
            : toRenew.Select(line => LetterBlock.Paragraph($"– {line}")));
        // P15: the unit's number on every prescription, since the release date is often unknown in advance.
        body.Add(LetterBlock.Paragraph($"Pour toute question ou pour obtenir votre dossier, appelez l'unité sanitaire au {unit.Phone}."));
        // Issue #20: a page that prescribes names its prescriber and carries a signature zone, like any ordonnance
        // (art. R5132-3 CSP), not only the pack's last page.
        body.Add(LetterBlock.SignatureZone(signer.Name, signer.Rpps is null ? "RPPS non renseigné" : $"RPPS {signer.Rpps}", unit.Name));
        body.Add(LetterBlock.PageBreak());
        body.Add(LetterBlock.Heading("3. Vos dossiers médicaux"));
        body.Add(LetterBlock.Paragraph("Pendant votre détention, les dossiers suivants ont été ouverts à votre nom :"));
        body.AddRange(records.Count == 0
            ? [LetterBlock.Paragraph("– aucun dossier n'a été ouvert.")]
            : records.Select(r => LetterBlock.Paragraph(
                $"– dossier {(r.Team == Team.Somatic ? "somatique (médecine générale)" : "psychiatrique")}, tenu par {unit.ReferenceHospital}" +
                (r.PaperRecordLocation is null ? "" : " ; une partie est sur papier"))));
        body.Add(LetterBlock.Paragraph($"Pour obtenir la copie complète de votre dossier, écrivez à : {unit.ReferenceHospital}, unité sanitaire, {unit.Address}, ou appelez le {unit.Phone}. La loi prévoit une réponse sous 8 jours, ou 2 mois si les informations ont plus de cinq ans. Vous pouvez aussi demander qu'il soit envoyé au médecin de votre choix, ou à votre avocat."));
        body.Add(LetterBlock.PageBreak());
        body.Add(LetterBlock.Heading("4. Continuité de vos soins"));
        body.Add(LetterBlock.Paragraph("Prenez rendez-vous rapidement avec un médecin traitant et apportez-lui ce dossier de sortie. Si vous avez un traitement, ne l'interrompez pas : l'ordonnance ci-jointe permet de le poursuivre."));
        body.Add(LetterBlock.Paragraph("En cas d'urgence, appelez le 15. Pour vos droits à l'assurance maladie, adressez-vous à la caisse primaire de votre domicile."));
        return new Letter(new Letterhead(unit.Name, unit.ReferenceHospital, unit.Address, unit.Phone),
            title, [patient.DesignatedPhysician ?? "Au médecin qui prendra en charge le patient"],
            $"Le {Fr.LongDate(today)}", DocumentIdentity.Of(patient, today, withEcrou: false),
            body, [signer.Name, signer.Rpps is null ? "" : $"RPPS {signer.Rpps}", unit.Name]);
    }
}
