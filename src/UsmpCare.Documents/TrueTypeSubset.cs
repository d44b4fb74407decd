using System.Buffers.Binary;
using System.Text;

namespace UsmpCare.Documents;

/// <summary>
/// PDFsharp embeds a subset of each face (the outlines of the glyphs used) but keeps what a printed page never uses:
/// the horizontal metrics of all 6,000 DejaVu glyphs (9 KB per face once deflated), and the TrueType hinting — the
/// programs of the cvt, fpgm and prep tables and each glyph's instructions (4 KB per face) — which only snap
/// outlines to the pixel grid of small screens; viewers that hint do it themselves (FreeType's auto-hinter, and
/// PDF readers on high-resolution screens), and a printer never does. A certificate must stay under 20 KB (issue 22:
/// a million of them at full scale), so the face is rebuilt here without them: the outlines are untouched, the
/// metrics of glyphs the subset has no outline for are zero (a PDF takes the widths of a Type 0 font from its /W
/// array, ISO 32000-1 § 9.7.4.3), and the tables a PDF requires remain (§ 9.9: glyf, head, hhea, hmtx, loca, maxp).
/// </summary>
internal static class TrueTypeSubset
{
    /// <summary>The hinting programs and their control values; without glyph instructions nothing calls them.</summary>
    private static readonly string[] Hinting = ["cvt ", "fpgm", "prep", "hdmx", "LTSH", "VDMX"];

    public static byte[] Shrink(byte[] source)
    {
        var tables = Tables(source);
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(source.AsSpan(tables["maxp"].Offset + 4));
        var shortLoca = BinaryPrimitives.ReadInt16BigEndian(source.AsSpan(tables["head"].Offset + 50)) == 0;
        var loca = tables["loca"].Offset;
        var glyf = source.AsSpan(tables["glyf"].Offset, tables["glyf"].Length);
        int GlyphStart(int glyph) => shortLoca
            ? BinaryPrimitives.ReadUInt16BigEndian(source.AsSpan(loca + 2 * glyph)) * 2
            : (int)BinaryPrimitives.ReadUInt32BigEndian(source.AsSpan(loca + 4 * glyph));

        var outlines = new MemoryStream();
        var newLoca = new byte[4 * (glyphCount + 1)];
        var emptyGlyphs = new List<int>();
        for (var glyph = 0; glyph < glyphCount; glyph++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * glyph), (uint)outlines.Length);
            var (start, end) = (GlyphStart(glyph), GlyphStart(glyph + 1));
            if (start == end)
            {
                emptyGlyphs.Add(glyph);
                continue;
            }
            outlines.Write(WithoutInstructions(glyf[start..end]));
            while (outlines.Length % 4 != 0)
            {
                outlines.WriteByte(0);
            }
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * glyphCount), (uint)outlines.Length);

        var head = Copy(source, tables["head"]);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // indexToLocFormat: long offsets
        head.AsSpan(8, 4).Clear(); // checkSumAdjustment, set once the whole font is laid out
        var maxp = Copy(source, tables["maxp"]);
        if (maxp.Length >= 28)
        {
            BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(26), 0); // maxSizeOfInstructions
        }
        var hmtx = Copy(source, tables["hmtx"]);
        var longMetrics = BinaryPrimitives.ReadUInt16BigEndian(source.AsSpan(tables["hhea"].Offset + 34));
        // Glyph 0 (.notdef) stays whole: a font program must keep it.
        foreach (var glyph in emptyGlyphs.Where(g => g > 0))
        {
            var (at, length) = glyph < longMetrics ? (4 * glyph, 4) : (4 * longMetrics + 2 * (glyph - longMetrics), 2);
            hmtx.AsSpan(at, length).Clear();
        }

        var kept = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, table) in tables.Where(t => !Hinting.Contains(t.Key)))
        {
            kept[tag] = tag switch
            {
                "glyf" => outlines.ToArray(),
                "loca" => newLoca,
                "head" => head,
                "maxp" => maxp,
                "hmtx" => hmtx,
                _ => Copy(source, table),
            };
        }
        var font = Assemble(BinaryPrimitives.ReadUInt32BigEndian(source), kept, out var headOffset);
        // The whole font sums to 0xB1B0AFBA once head.checkSumAdjustment is right (OpenType spec, « head »).
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    /// <summary>A glyph's outline without its hinting instructions (OpenType « glyf »: simple and composite glyphs).</summary>
    private static byte[] WithoutInstructions(ReadOnlySpan<byte> glyph)
    {
        var contours = BinaryPrimitives.ReadInt16BigEndian(glyph);
        if (contours >= 0)
        {
            var lengthAt = 10 + 2 * contours;
            var instructions = BinaryPrimitives.ReadUInt16BigEndian(glyph[lengthAt..]);
            var simple = new byte[glyph.Length - instructions];
            glyph[..lengthAt].CopyTo(simple);
            // instructionLength stays 0: the two bytes of the new array are already zero.
            glyph[(lengthAt + 2 + instructions)..].CopyTo(simple.AsSpan(lengthAt + 2));
            return simple;
        }
        const ushort ArgsAreWords = 0x0001, HasScale = 0x0008, MoreComponents = 0x0020, HasXYScale = 0x0040,
            HasTwoByTwo = 0x0080, HasInstructions = 0x0100;
        var composite = glyph.ToArray();
        var at = 10;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(composite.AsSpan(at));
            BinaryPrimitives.WriteUInt16BigEndian(composite.AsSpan(at), (ushort)(flags & ~HasInstructions));
            at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            at += (flags & HasScale) != 0 ? 2 : (flags & HasXYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0);
        return composite[..at];
    }

    private static byte[] Assemble(uint version, SortedDictionary<string, byte[]> tables, out int headOffset)
    {
        var count = tables.Count;
        var power = 1;
        var selector = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            selector++;
        }
        var directory = 12 + 16 * count;
        var size = directory + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[size];
        BinaryPrimitives.WriteUInt32BigEndian(font, version);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(6), (ushort)(16 * power));
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(8), (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(10), (ushort)(16 * count - 16 * power));
        var (record, offset) = (12, directory);
        headOffset = 0;
        foreach (var (tag, data) in tables)
        {
            Encoding.ASCII.GetBytes(tag, font.AsSpan(record));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 4), Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 8), (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 12), (uint)data.Length);
            data.CopyTo(font.AsSpan(offset));
            headOffset = tag == "head" ? offset : headOffset;
            record += 16;
            offset += (data.Length + 3) & ~3;
        }
        return font;
    }

    private static byte[] Copy(byte[] font, (int Record, int Offset, int Length) table) =>
        font.AsSpan(table.Offset, table.Length).ToArray();

    private static Dictionary<string, (int Record, int Offset, int Length)> Tables(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, (int, int, int)>();
        for (var i = 0; i < count; i++)
        {
            var record = 12 + 16 * i;
            tables[Encoding.ASCII.GetString(font, record, 4)] = (record,
                (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8)),
                (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 12)));
        }
        return tables;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        Span<byte> word = stackalloc byte[4];
        for (var i = 0; i < data.Length; i += 4)
        {
            word.Clear();
            data.Slice(i, Math.Min(4, data.Length - i)).CopyTo(word);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(word));
        }
        return sum;
    }
}
