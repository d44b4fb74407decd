using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Treatments;

namespace UsmpCare.Web.Data;

public static partial class DemoData
{
    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
        "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
        "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure",
        "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Mathieu", "Clément",
        "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sánchez", "Benali", "Traoré",
        "N'Diaye", "Kaya", "Ferreira", "Hamidi", "Boucher", "Lemaître", "Cohen", "Mazières",
    ];

    private static readonly string[] FirstNames =
    [
        "Jérôme", "Mehdi", "Kévin", "Rémi", "Stéphane", "Loïc", "Hélène", "Théo", "Noé", "Yanis", "Mamadou", "Grégory",
        "Cédric", "Frédéric", "Sébastien", "Jean-François", "Amélie", "Maël", "Anaïs", "Karim", "Moussa", "Éric",
        "Léo", "Hugo", "Nathan", "Adrien", "Bilal", "Sofiane", "Dylan", "Ousmane",
    ];

    /// <summary>
    /// The three states of issue #20: most are « non renseignées » (nobody has asked yet), some « aucune allergie
    /// connue » stated by the physician, some with a drug, a food or latex allergy, one with an allergy withdrawn as erroneous.
    /// </summary>
    private static void SeedAllergies(Patient patient, int i, string doctor, Domain.Treatments.DrugSubstance amoxicillin, DateTimeOffset at)
    {
        var record = patient.Allergies;
        switch (i % 8)
        {
            case 1:
                record.Record(AllergenKind.Drug, amoxicillin.Name, amoxicillin.Code, "Œdème de Quincke", AllergySeverity.Severe, doctor, at);
                break;
            case 3:
                record.Record(AllergenKind.Food, "Arachide", null, "Urticaire généralisée", AllergySeverity.Moderate, doctor, at);
                break;
            case 4:
                record.Record(AllergenKind.Latex, "Latex", null, "Eczéma de contact", AllergySeverity.Mild, doctor, at);
                break;
            case 5:
            case 6:
                record.StateNoneKnown(doctor, at);
                break;
            case 7 when i % 16 == 15:
                var mistaken = record.Record(AllergenKind.Other, "Produit de contraste iodé", null, null, AllergySeverity.Unknown, doctor, at.AddDays(-3));
                record.Withdraw(mistaken.Number, AllergyWithdrawal.Erroneous, doctor, at);
                record.StateNoneKnown(doctor, at);
                break;
        }
    }

    /// <summary>Present patients of the two demo units, with a few entries in each record.</summary>
    private static async Task SeedClinicalAsync(AppDbContext db, IReadOnlyList<Unit> units, DateTimeOffset now)
    {
        var random = new Random(2026);
        var today = DateOnly.FromDateTime(Fr.Local(now));
        var staff = await db.Users.AsNoTracking().Where(u => u.IsDemo).ToListAsync();
        var physician = staff.Single(u => u.Email == "medecin@demo.usmp.fr");
        var psychiatrist = staff.Single(u => u.Email == "psychiatre@demo.usmp.fr");
        var nurse = staff.Single(u => u.Email == "infirmier.soma@demo.usmp.fr");
        var doctor = Infrastructure.Actor.NameOf(physician.DisplayName, physician: true);
        var amoxicillin = await db.Drugs.FindSubstanceAsync("Amoxicilline")
            ?? throw new InvalidOperationException("The demo referential has no amoxicillin.");
        var patients = new List<Patient>();
        foreach (var (unit, count, prefix) in new[] { (units[0], 40, 24000), (units[1], 15, 31000) })
        {
            for (var i = 0; i < count; i++)
            {
                var birth = today.AddYears(-random.Next(19, 70)).AddDays(-random.Next(0, 365));
                if (unit == units[0] && i == 3)
                {
                    birth = today.AddYears(-17).AddDays(-40); // a minor of the quartier mineurs (P36)
                }
                var patient = new Patient(unit.Id, $"{prefix + i * 7}", LastNames[(i * 7 + prefix) % LastNames.Length],
                    FirstNames[(i * 11 + prefix / 1000) % FirstNames.Length], birth, i % 9 == 5 ? Sex.Female : Sex.Male,
                    today.AddDays(-random.Next(1, 900)));
                patient.PlaceIn($"{(char)('A' + i % 3)}-{100 + random.Next(1, 250)}",
                    i % 9 == 5 ? "Quartier femmes" : $"Bâtiment {(char)('A' + i % 3)}");
                if (i % 6 == 0)
                {
                    patient.SetStay(patient.ArrivalDate, LegalStatus.Convicted, today.AddDays(random.Next(3, 60)));
                }
                SeedAllergies(patient, i, doctor, amoxicillin, now.AddDays(-random.Next(5, 60)));
                if (i % 10 == 2)
                {
                    patient.SetCourtOrderedCare(CourtOrderedCare.ObligationDeSoins, today.AddMonths(-4));
                }
                if (i % 13 == 4)
                {
                    patient.SetVulnerability(true, "Troubles cognitifs, ne peut se protéger seul");
                }
                patients.Add(patient);
            }
        }
        db.Patients.AddRange(patients);
        await db.SaveChangesAsync();

        // P36: the minor's mother agreed to his care and his father was informed, before his entry visit.
        var minor = patients[3];
        var minorConsents = new ConsentState([
            new ConsentEntry(minor.Id, ConsentTopic.ParentalAuthority, ConsentDecision.Agreed, null, null,
                "Par téléphone, rappel au numéro donné par la PJJ", physician.Id, Infrastructure.Actor.NameOf(physician.DisplayName, physician: true),
                now.AddDays(-45), new ParentalHolder("Mme Nadia Girard", HolderQuality.Mother, today.AddDays(-45))),
            new ConsentEntry(minor.Id, ConsentTopic.ParentalAuthority, ConsentDecision.Informed, null, null,
                "Par courrier", physician.Id, Infrastructure.Actor.NameOf(physician.DisplayName, physician: true),
                now.AddDays(-44), new ParentalHolder("M. Karim Girard", HolderQuality.Father, today.AddDays(-44))),
        ]);
        db.ConsentEntries.AddRange(minorConsents.History);
        MinorCare MinorOn(Patient p, DateTimeOffset at) => MinorCare.Of(p, DateOnly.FromDateTime(Fr.Local(at)), p == minor ? minorConsents : new([]));

        var asthma = Cim10.Find("J45.9");
        var hypertension = Cim10.Find("I10");
        var depression = Cim10.Find("F32.1") ?? Cim10.Find("F32.9");
        foreach (var patient in patients.Where(p => p.UnitId == units[0].Id).Take(12))
        {
            var visit = ClinicalEntry.New(Team.Somatic, EntryKind.Consultation, patient.Id, patient.UnitId, physician.Id,
                Infrastructure.Actor.NameOf(physician.DisplayName, physician: true), now.AddDays(-random.Next(2, 40)));
            visit.ConsultationType = ConsultationType.Arrival;
            visit.Consent = ConsentStatus.Given;
            visit.ConsentDetails = "Oral";
            visit.Note = "Visite d'entrée. Pas d'antécédent chirurgical. Tabagisme actif.";
            visit.Findings = "Examen clinique sans particularité. Auscultation libre.";
            visit.Vitals = new VitalSigns { SystolicBp = 120 + random.Next(0, 30), DiastolicBp = 75, HeartRate = 72, WeightKg = 70 + random.Next(0, 20) };
            if (patient == patients[3])
            {
                // P01: one entry visit with a guard in the room, for the report and the dashboard to show.
                visit.GuardPresent = true;
                visit.GuardGround = GuardGround.AssaultRisk;
                visit.GuardReason = "A frappé un surveillant à l'arrivée, agitation persistante.";
            }
            var code = random.Next(3) == 0 ? asthma : hypertension;
            if (code is not null)
            {
                visit.Diagnoses = [new Diagnosis(code.Code, code.Label)];
                visit.Prescriptions = [new PrescriptionLine
                {
                    Text = code == asthma ? "Salbutamol 100 µg" : "Amlodipine 5 mg",
                    Dosage = code == asthma ? "2 bouffées si besoin" : "1 cp le matin", Duration = "3 mois",
                    PatientConsented = true,
                }];
            }
            visit.Sign(physician.Id, Infrastructure.Actor.NameOf(physician.DisplayName, physician: true), visit.OccurredAt, signerHasTreatedPatient: false, MinorOn(patient, visit.OccurredAt));
            db.SomaticEntries.Add((SomaticEntry)visit);
            db.MedicalRecords.Add(new MedicalRecord(patient.Id, Team.Somatic, visit.OccurredAt));

            var note = ClinicalEntry.New(Team.Somatic, EntryKind.NursingNote, patient.Id, patient.UnitId, nurse.Id,
                nurse.DisplayName, now.AddDays(-1));
            note.Note = "Pansement refait, plaie propre.";
            note.Sign(nurse.Id, nurse.DisplayName, note.OccurredAt, signerHasTreatedPatient: false, MinorCare.Adult);
            db.SomaticEntries.Add((SomaticEntry)note);
        }
        foreach (var patient in patients.Where(p => p.UnitId == units[0].Id).Skip(2).Take(5))
        {
            var visit = ClinicalEntry.New(Team.Psychiatric, EntryKind.Consultation, patient.Id, patient.UnitId,
                psychiatrist.Id, Infrastructure.Actor.NameOf(psychiatrist.DisplayName, physician: true), now.AddDays(-random.Next(1, 20)));
            visit.ConsultationType = ConsultationType.FollowUp;
            visit.Consent = ConsentStatus.Given;
            visit.Note = "Entretien de suivi. Sommeil perturbé, idées noires sans scénario. Alliance correcte.";
            if (depression is not null)
            {
                visit.Diagnoses = [new Diagnosis(depression.Code, depression.Label)];
            }
            visit.Prescriptions = [new PrescriptionLine { Text = "Sertraline 50 mg", Dosage = "1 cp le soir", Duration = "1 mois", PatientConsented = true }];
            visit.Sign(psychiatrist.Id, Infrastructure.Actor.NameOf(psychiatrist.DisplayName, physician: true), visit.OccurredAt, signerHasTreatedPatient: false, MinorOn(patient, visit.OccurredAt));
            db.PsychiatricEntries.Add((PsychiatricEntry)visit);
            db.MedicalRecords.Add(new MedicalRecord(patient.Id, Team.Psychiatric, visit.OccurredAt));
        }

        var striker = patients[7];
        var strike = new HungerStrike(striker.Id, striker.UnitId, today.AddDays(-4), refusesFluids: false, physician.Id,
            Infrastructure.Actor.NameOf(physician.DisplayName, physician: true), now.AddDays(-4));
        strike.RecordInformation("Risques du jeûne prolongé expliqués ; surveillance quotidienne proposée et acceptée.", now.AddDays(-4));
        // P35: a refused treatment stands; a weighing he accepts again is recorded with his consent.
        strike.RecordRefusal(HungerStrikeAct.Treatment, "Ne veut pas de complément nutritionnel oral.", physician.Id,
            Infrastructure.Actor.NameOf(physician.DisplayName, physician: true), now.AddDays(-3));
        strike.RecordMeasure(HungerStrikeAct.Weighing, MeasureBasis.Consent, "Accepte la pesée quotidienne, oralement.", nurse.Id,
            nurse.DisplayName, now.AddDays(-3));
        db.HungerStrikes.Add(strike);
        for (var day = 4; day >= 1; day--)
        {
            var check = ClinicalEntry.New(Team.Somatic, EntryKind.HungerStrikeCheck, striker.Id, striker.UnitId, nurse.Id,
                nurse.DisplayName, now.AddDays(-day));
            check.HungerStrikeId = strike.Id;
            check.Vitals = new VitalSigns { WeightKg = 78.5m - (4 - day) * 0.6m };
            check.Note = "Hydratation correcte, pas de malaise.";
            check.Sign(nurse.Id, nurse.DisplayName, check.OccurredAt, signerHasTreatedPatient: false, MinorCare.Adult);
            db.SomaticEntries.Add((SomaticEntry)check);
        }
        await db.SaveChangesAsync();
        await SeedCareRequestsAsync(db, units[0], patients.Where(p => p.UnitId == units[0].Id).ToList(), nurse, now);
        await SeedConsentsAsync(db, patients.Where(p => p.UnitId == units[0].Id).ToList(), physician, now);
        await SeedInformationSheetsAsync(db, units, patients, nurse, now);
        await SeedPrescriptionsAsync(db, patients, physician, nurse, now);
        await SeedPrescribingAsync(db, patients, physician, now);
        await SeedPharmacyAsync(db, patients, psychiatrist, staff.Single(u => u.Email == "pharmacien@demo.usmp.fr"), now);
        // P32: each unit's places (establishments only, what the AP reads); the reason stays in the medical field.
        var places = units.SelectMany(u => new[]
        {
            new EscortPlace(u.Id, PlaceKind.Hospital, "Centre hospitalier de Villeneuve"),
            new EscortPlace(u.Id, PlaceKind.Uhsi, "UHSI de la Pitié-Salpêtrière"),
            new EscortPlace(u.Id, PlaceKind.Uhsa, "UHSA de Villejuif"),
            new EscortPlace(u.Id, PlaceKind.Court, "Tribunal judiciaire de Créteil"),
        }).ToList();
        db.EscortPlaces.AddRange(places);
        db.ExternalAppointments.Add(new ExternalAppointment(patients[3].Id, patients[3].UnitId, now.AddDays(3).AddHours(2),
            places.First(p => p.UnitId == patients[3].UnitId), 2, "Consultation de cardiologie : bilan d'une douleur thoracique d'effort",
            physician.Id, Infrastructure.Actor.NameOf(physician.DisplayName, physician: true), now));
        await db.SaveChangesAsync();
        await SeedAgendaAsync(db, units[0], patients, staff, now);
        await SeedEntryVisitsAsync(db, units[0], physician, now);
        await SeedFollowupAsync(db, [.. patients.Where(p => p.UnitId == units[0].Id)], physician, psychiatrist, nurse, now);
    }

    /// <summary>A few recorded consents, one share with SPIP and one signalement de risque, so every portal shows something.</summary>
    private static async Task SeedConsentsAsync(AppDbContext db, IReadOnlyList<Patient> patients, Accounts.User physician,
        DateTimeOffset now)
    {
        var doctor = Infrastructure.Actor.NameOf(physician.DisplayName, physician: true);
        var informed = new ConsentEntry(patients[1].Id, ConsentTopic.SpipInformation, ConsentDecision.Informed, null, null,
            "Oralement, lors de la visite d'entrée", physician.Id, doctor, now.AddDays(-20));
        db.ConsentEntries.AddRange(
            informed,
            new ConsentEntry(patients[2].Id, ConsentTopic.TeamSharing, ConsentDecision.Agreed, null, null,
                "Oralement, en présence de l'infirmière", physician.Id, doctor, now.AddDays(-10)),
            new ConsentEntry(patients[4].Id, ConsentTopic.SpipInformation, ConsentDecision.Informed, null, null,
                "Oralement", physician.Id, doctor, now.AddDays(-15)),
            new ConsentEntry(patients[4].Id, ConsentTopic.SpipObjection, ConsentDecision.Objected, null, null,
                "Par écrit, courrier du patient", physician.Id, doctor, now.AddDays(-5)));
        var message = "Suivi médical en place ; attestation de suivi transmise au JAP.";
        var toSpip = new Disclosure(patients[1].Id, patients[1].UnitId, RecipientCategory.Spip, "SPIP", message,
            "Partage strictement nécessaire avec le SPIP, patient informé de son droit d'opposition (P02, P03)",
            informed.Id, null, physician.Id, doctor, now.AddDays(-2));
        db.Disclosures.Add(toSpip);
        db.SpipShares.Add(new SpipShare(patients[1].Id, patients[1].UnitId, message, toSpip.Id, physician.Id, doctor, now.AddDays(-2)));
        var facts = "Menaces répétées envers son codétenu depuis deux jours.";
        var toDirector = new Disclosure(patients[5].Id, patients[5].UnitId, RecipientCategory.PrisonAdministration,
            "Chef d'établissement", $"Signalement de risque — mesures : Cellule individuelle. Faits : {facts}",
            "Risque sérieux pour la sécurité des personnes : information utile aux mesures de protection (P06)", null,
            LegalException.SeriousRiskToPersons, physician.Id, doctor, now.AddDays(-1));
        db.Disclosures.Add(toDirector);
        db.RiskSignalements.Add(new RiskSignalement(patients[5].Id, patients[5].UnitId, ["Cellule individuelle"], facts,
            toDirector.Id, physician.Id, doctor, now.AddDays(-1)));
        await db.SaveChangesAsync();
    }

    /// <summary>Two letter-box rounds: one from three days ago (some requests overdue), one from this morning.</summary>
    private static async Task SeedCareRequestsAsync(AppDbContext db, Unit unit, IReadOnlyList<Patient> patients,
        Accounts.User nurse, DateTimeOffset now)
    {
        var old = new CollectionRound(unit.Id, "Bâtiment A", "Boîte RDC", now.AddDays(-3).AddHours(-2), nurse.Id, nurse.DisplayName, now.AddDays(-3));
        var today = new CollectionRound(unit.Id, "Bâtiment B", "Boîte 1er étage", now.AddHours(-2), nurse.Id, nurse.DisplayName, now.AddHours(-2));
        db.CollectionRounds.AddRange(old, today);
        var slips = new (CollectionRound Round, int Patient, RequestTeam Team, string Summary, Urgency Urgency)[]
        {
            (old, 20, RequestTeam.Somatic, "Mal au dos depuis une semaine", Urgency.ThisWeek),
            (old, 21, RequestTeam.Dental, "Rage de dents, joue gonflée", Urgency.Urgent),
            (old, 22, RequestTeam.Somatic, "Renouvellement lunettes", Urgency.NotUrgent),
            (old, 23, RequestTeam.Psychiatric, "Demande à parler au psychiatre, ne dort plus", Urgency.ThisWeek),
            (today, 24, RequestTeam.Somatic, "Toux et fièvre depuis hier", Urgency.Urgent),
            (today, 25, RequestTeam.Other, "Demande de régime sans porc", Urgency.NotUrgent),
            (today, 26, RequestTeam.Somatic, "Éruption sur les bras", Urgency.ThisWeek),
        };
        foreach (var slip in slips)
        {
            db.CareRequests.Add(new CareRequest(slip.Round, patients[slip.Patient].Id, null, slip.Team, slip.Summary,
                slip.Urgency, illegible: false, anonymous: false, severalRequests: false, nurse.Id, nurse.DisplayName,
                slip.Round.OpenedAt));
        }
        db.CareRequests.Add(new CareRequest(today, null, "Mohamed B. (écrou illisible)", RequestTeam.Somatic,
            "Douleur au genou", Urgency.NotUrgent, illegible: false, anonymous: false, severalRequests: false,
            nurse.Id, nurse.DisplayName, today.OpenedAt));
        old.Close(now.AddDays(-3).AddMinutes(20));
        await db.SaveChangesAsync();
    }
}
