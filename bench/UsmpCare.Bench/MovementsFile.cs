using System.Text;

namespace UsmpCare.Bench;

/// <summary>
/// A movements file of the size a large establishment's history reaches (docs/interop.md format): mostly arrivals, then
/// releases and transfers of a part of them, with one judicial column that the import must drop (P29). Deterministic.
/// </summary>
public static class MovementsFile
{
    private static readonly string[] LastNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "Garnier", "Faure", "Rousseau", "Mercier"];
    private static readonly string[] FirstNames = ["Jean", "Karim", "Lucas", "Hugo", "Théo", "Nathan", "Mehdi", "Louis", "Léa", "Inès", "Adam", "Yanis", "Noé", "Éric", "Sofiane"];

    public static void Write(int lines, string path)
    {
        var random = new Random(11);
        var start = new DateOnly(2016, 1, 1);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("Numéro d'écrou;Nom;Nom de naissance;Prénom;Date de naissance;Sexe;Mouvement;Date;Établissement;Cellule;Date de libération prévue;Infraction");
        var written = 0;
        for (var person = 0; written < lines; person++)
        {
            var ecrou = $"B{person:D7}";
            var name = LastNames[random.Next(LastNames.Length)];
            var first = FirstNames[random.Next(FirstNames.Length)];
            var born = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 55));
            var arrival = start.AddDays(random.Next(0, 365 * 10));
            var release = arrival.AddDays(random.Next(30, 900));
            writer.WriteLine($"{ecrou};{name};;{first};{born:dd/MM/yyyy};M;Arrivée;{arrival:dd/MM/yyyy};;{(char)('A' + random.Next(4))}-{random.Next(100, 400)};{release:dd/MM/yyyy};vol");
            written++;
            // One in five leaves in the same file: a release or a transfer.
            if (written < lines && random.Next(5) == 0)
            {
                var transfer = random.Next(3) == 0;
                writer.WriteLine($"{ecrou};{name};;{first};{born:dd/MM/yyyy};M;{(transfer ? "Transfert sortant" : "Libération")};{release:dd/MM/yyyy};{(transfer ? "CD de Melun" : "")};;;vol");
                written++;
            }
        }
    }
}
