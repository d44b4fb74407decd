using System.Text;
using UsmpCare.Domain.Records;

namespace UsmpCare.Domain.Tests.Records;

public sealed class Cim10Tests
{
    [Theory]
    [InlineData("J45.9", "J45.9")]
    [InlineData("j459", "J45.9")]
    [InlineData("I10 — Hypertension essentielle (primitive)", "I10")]
    public void Cim10_codes_are_found_however_they_are_typed(string typed, string code)
    {
        Cim10.Find(typed)!.Code.Should().Be(code);
    }

    [Fact]
    public void The_cim10_catalogue_is_loaded_and_rejects_unknown_codes()
    {
        Cim10.All.Should().HaveCountGreaterThan(600);
        Cim10.Find("ZZ9").Should().BeNull();
        Cim10.Find("F32.1")!.Label.Should().Contain("dépressif");
    }

    [Fact]
    public void The_shipped_list_covers_every_chapter_with_the_vaccination_screening_and_tumour_codes()
    {
        Cim10.Chapters.Should().HaveCount(22);
        Cim10.Chapters.Where(chapter => !Cim10.All.Any(c => chapter.Holds(c.Code))).Select(c => c.Number)
            .Should().BeEmpty("every chapter, C, O and U included, has its codes");
        Cim10.Find("Z23")!.Label.Should().Contain("vaccination");
        Cim10.Find("Z11.1")!.Label.Should().Contain("tuberculose");
        Cim10.Find("Z20.6").Should().NotBeNull();
        Cim10.Find("C34.9")!.Label.Should().Contain("poumon");
        Cim10.Find("O24.4").Should().NotBeNull();
    }

    [Theory]
    [InlineData("hepatite c", "B18.2")]
    [InlineData("HÉPATITE virale C chronique", "B18.2")]
    [InlineData("z23", "Z23")]
    [InlineData("c349", "C34.9")]
    public void A_search_finds_by_code_or_label_whatever_the_accents(string query, string expected)
    {
        Cim10.Search(query).Select(c => c.Code).Should().Contain(expected);
    }

    [Fact]
    public void The_atih_file_is_read_in_latin1_and_a_malformed_line_is_named()
    {
        var file = Latin1("A000  |0|OOOO|0|Choléra à Vibrio cholerae|Choléra à Vibrio cholerae 01, biovar cholerae\r\nZ23   |3|NNNN|3|Vaccination bactérienne|Nécessité d'une vaccination contre une seule maladie bactérienne\r\n");
        var codes = Cim10File.Read(file);
        codes.Select(c => c.Code).Should().Equal("A00.0", "Z23");
        codes[0].Label.Should().Be("Choléra à Vibrio cholerae 01, biovar cholerae");

        var wrong = () => Cim10File.Read(Latin1("A000  |0|OOOO|0|Choléra|Choléra\r\nA01;Typhoïde\r\n"));
        wrong.Should().Throw<DomainException>().WithMessage("Ligne 2 du fichier CIM-10 : 1 champ(s)*Rien n'a été importé.");
        var badCode = () => Cim10File.Read(Latin1("A0.0|0|OOOO|0|x|Choléra\r\n"));
        badCode.Should().Throw<DomainException>().WithMessage("Ligne 1 *« A0.0 » n'a pas la forme d'un code CIM-10*");
        var noLabel = () => Cim10File.Read(Latin1("A000|0|OOOO|0|x| \r\n"));
        noLabel.Should().Throw<DomainException>().WithMessage("Ligne 1 *pas de libellé long*");
        var twice = () => Cim10File.Read(Latin1("A000|0|OOOO|0|x|Choléra\r\nA000  |0|OOOO|0|x|Choléra\r\n"));
        twice.Should().Throw<DomainException>().WithMessage("Ligne 2 *A00.0 figure déjà ligne 1*");
    }

    [Fact]
    public void The_atih_file_keeps_a_label_of_300_characters_and_refuses_one_of_301()
    {
        var longest = new string('a', Cim10File.Cim10LabelMaxLength);
        Cim10File.Read(Latin1($"A000|0|OOOO|0|x|{longest}\r\n")).Single().Label.Should().Be(longest);

        var tooLong = () => Cim10File.Read(Latin1($"A000|0|OOOO|0|x|{longest}b\r\n"));
        tooLong.Should().Throw<DomainException>().WithMessage("Ligne 1 *libellé du code A000 est illisible ou trop long (plus de 300 caractères)*");
    }

    [Theory]
    [InlineData("Chol\u0001éra")]
    [InlineData("Chol\téra")]
    [InlineData("Chol\u007féra")]
    public void The_atih_file_refuses_a_label_holding_a_control_character(string label)
    {
        var read = () => Cim10File.Read(Latin1($"A000|0|OOOO|0|x|Choléra\r\nA001|0|OOOO|0|x|{label}\r\n"));
        read.Should().Throw<DomainException>().WithMessage("Ligne 2 *libellé du code A001 est illisible*Rien n'a été importé.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n   \r\n\t\r\n")]
    public void An_atih_file_without_any_code_is_refused(string text)
    {
        var read = () => Cim10File.Read(Latin1(text));
        read.Should().Throw<DomainException>().WithMessage("Le fichier CIM-10 ne contient aucun code.");
    }

    [Fact]
    public void Blank_lines_of_the_atih_file_are_skipped_but_still_counted_in_the_line_named()
    {
        Cim10File.Read(Latin1("\r\nA000|0|OOOO|0|x|Choléra\r\n  \r\nZ23|3|NNNN|3|x|Vaccination\r\n"))
            .Select(c => c.Code).Should().Equal("A00.0", "Z23");

        var wrong = () => Cim10File.Read(Latin1("\r\nA000|0|OOOO|0|x|Choléra\r\n\r\nA01|0|OOOO|0|x\r\n"));
        wrong.Should().Throw<DomainException>().WithMessage("Ligne 4 du fichier CIM-10 : 5 champ(s)*");
    }

    [Theory]
    [InlineData("A00.0", "I")]
    [InlineData("B99", "I")]
    [InlineData("C00", "II")]
    [InlineData("D48.9", "II")]
    [InlineData("D50", "III")]
    [InlineData("D89.9", "III")]
    [InlineData("H59.0", "VII")]
    [InlineData("H60", "VIII")]
    [InlineData("S00.0", "XIX")]
    [InlineData("T98.3", "XIX")]
    [InlineData("V01", "XX")]
    [InlineData("Y98", "XX")]
    public void A_code_belongs_to_exactly_the_chapter_whose_first_and_last_categories_frame_it(string code, string chapter)
    {
        Cim10.Chapters.Where(c => c.Holds(code)).Select(c => c.Number).Should().Equal(chapter);
    }

    [Theory]
    [InlineData("D49")]
    [InlineData("E91")]
    [InlineData("H96")]
    [InlineData("K94")]
    [InlineData("P97")]
    [InlineData("T99")]
    [InlineData("Y99")]
    public void A_code_between_two_chapters_belongs_to_none(string code)
    {
        Cim10.Chapters.Where(c => c.Holds(code)).Should().BeEmpty();
    }

    [Fact]
    public void Nothing_typed_finds_no_code_and_a_search_needs_every_word()
    {
        Cim10.Find(null).Should().BeNull();
        Cim10.Find("  ").Should().BeNull();
        Cim10.Search("  ").Should().BeEmpty();
        Cim10.Search("hepatite zzzz").Should().BeEmpty("every word typed must be found, not one of them");
    }

    private static MemoryStream Latin1(string text) => new(Encoding.Latin1.GetBytes(text));
}
