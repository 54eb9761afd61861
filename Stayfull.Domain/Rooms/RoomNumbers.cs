using System.Globalization;
using Stayfull.Domain.Common;

namespace Stayfull.Domain.Rooms;

/// <summary>Reads room lists the way hotels write them: "101-110, 201, 2A".</summary>
public static class RoomNumbers
{
    public const int MaxRooms = 2000;

    public static IReadOnlyList<string> Parse(string text)
    {
        var result = new List<string>();
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length == 2 && int.TryParse(range[0], CultureInfo.InvariantCulture, out var first) && int.TryParse(range[1], CultureInfo.InvariantCulture, out var last))
            {
                if (last < first || last - first >= MaxRooms)
                {
                    throw ValidationException.For("roomNumbers", $"'{part}' is not a sensible range of rooms.");
                }

                for (var n = first; n <= last; n++)
                {
                    result.Add(n.ToString(CultureInfo.InvariantCulture));
                }
            }
            else if (range.Length == 1 && part.Length <= 16)
            {
                result.Add(part);
            }
            else
            {
                throw ValidationException.For("roomNumbers", $"'{part}' is not a room number or a range like 101-110.");
            }

            if (result.Count > MaxRooms)
            {
                throw ValidationException.For("roomNumbers", $"At most {MaxRooms} rooms at once.");
            }
        }

        return result;
    }

    /// <summary>By convention the leading digits before the last two are the floor (101 → 1, 1205 → 12).</summary>
    public static int FloorOf(string number)
    {
        var digits = new string(number.TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length > 2 && int.TryParse(digits[..^2], CultureInfo.InvariantCulture, out var floor) ? floor : 0;
    }
}
