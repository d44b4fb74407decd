using UsmpCare.Domain.Disclosures;

namespace UsmpCare.Domain.Tests.Disclosures;

/// <summary>
/// P25 / P05: the medical-word check against phrases a prison physician meets (Corpus/must-stop.txt, must-pass.txt):
/// inflections, missing accents, capitals, abbreviations, drug and specialty names, the patient's own diagnoses and
/// treatments must all be stopped; ordinary phrases about work, schedules, visits and accommodation must pass.
/// </summary>
public sealed class MedicalTextCheckCorpusTests
{
    // The corpus patient: the words of his diagnoses and treatments are stopped even where no list names them.
    private static readonly string[] Labels = ["Épisode dépressif moyen", "Maladie de Verneuil"];
    private static readonly string[] Codes = ["F32.1", "L73.2"];
    private static readonly string[] Treatments = ["Sertraline 50 mg", "Colchicine 1 mg"];

    private static IReadOnlyList<string> Phrases(string file) =>
    [
        .. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Disclosures", "Corpus", file))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')),
    ];

    [Fact]
    public void Every_medical_phrase_of_the_corpus_is_stopped()
    {
        var phrases = Phrases("must-stop.txt");
        phrases.Should().HaveCountGreaterThanOrEqualTo(200);

        var missed = phrases.Where(p => MedicalTextCheck.Find(p, Labels, Codes, Treatments).Count == 0).ToList();

        missed.Should().BeEmpty("each of these phrases tells the AP or the JAP something medical");
    }

    [Fact]
    public void Every_ordinary_phrase_of_the_corpus_passes()
    {
        var phrases = Phrases("must-pass.txt");
        phrases.Should().HaveCountGreaterThanOrEqualTo(100);

        var stopped = phrases.Select(p => (Phrase: p, Found: MedicalTextCheck.Find(p, Labels, Codes, Treatments)))
            .Where(r => r.Found.Count > 0).Select(r => $"{r.Phrase} -> {string.Join(", ", r.Found)}").ToList();

        stopped.Should().BeEmpty("work, schedules, visits and accommodation say nothing medical");
    }

    [Fact]
    public void The_patients_own_diagnoses_and_treatments_are_stopped_even_where_no_list_names_them()
    {
        MedicalTextCheck.Find("Verneuil en poussée", [], [], []).Should().BeEmpty("no list names this disease");
        MedicalTextCheck.Find("Verneuil en poussée", Labels, Codes, Treatments).Should().ContainSingle()
            .Which.Should().Contain("diagnostic du patient");
        MedicalTextCheck.Find("Sous colchicine", [], [], []).Should().BeEmpty();
        MedicalTextCheck.Find("Sous COLCHICINE", Labels, Codes, Treatments).Should().ContainSingle()
            .Which.Should().Contain("traitement du patient");
        MedicalTextCheck.Find("Codé F321", Labels, Codes, Treatments).Should().Contain("code F32.1");
    }

    [Theory]
    [InlineData("Sous TSO", "TSO (abréviation médicale)", "TSO")]
    [InlineData("Retour d'UHSA", "UHSA (abréviation médicale)", "UHSA")]
    [InlineData("Il prend du Subutex®", "subutex", "Subutex")]
    [InlineData("Xeroquel le soir", "xeroquel (médicament)", "Xeroquel")]
    [InlineData("Rendez-vous en cardiologie", "cardio (spécialité)", "cardiologie")]
    [InlineData("Consultation ORL", "orl (spécialité)", "ORL")]
    [InlineData("Gonarthrose bilatérale", "gonarth (libellé CIM-10)", "Gonarthrose")]
    [InlineData("Œsophagite", "oesopha (libellé CIM-10)", "Œsophagite")]
    public void Each_list_names_its_reason_and_the_word_to_highlight(string text, string reason, string word)
    {
        MedicalTextCheck.Find(text, [], [], []).Should().Contain(reason);
        MedicalTextCheck.Words(text, [], [], []).Should().Contain(word);
    }

    [Theory]
    [InlineData("Orléans")]
    [InlineData("Tsonga")]
    [InlineData("Psyché")]
    [InlineData("Il écoute la radio")]
    [InlineData("Dans l'enceinte")]
    public void Short_abbreviations_and_specialties_are_whole_words_only(string text)
    {
        MedicalTextCheck.Find(text, [], [], []).Should().BeEmpty();
    }

    [Fact]
    public void A_place_name_lists_a_specialty_once()
    {
        MedicalTextCheck.PlaceNameProblems("CHU Cardiologie").Should().Equal("cardio");
        MedicalTextCheck.PlaceNameProblems("UHSI de Lyon").Should().BeEmpty("the escort goes to a UHSI as to a hospital");
        MedicalTextCheck.PlaceNameProblems("Hôpital, CMP Bastille").Should().Equal("CMP (abréviation médicale)");
    }
}
