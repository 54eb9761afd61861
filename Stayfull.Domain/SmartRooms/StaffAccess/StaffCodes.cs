using System.Globalization;
using System.Security.Cryptography;

namespace Stayfull.Domain.SmartRooms.StaffAccess;

/// <summary>Chooses the digits a housekeeper carries for a shift, so that as many of the shift's locks as possible take the same code.</summary>
public static class StaffCodes
{
    /// <summary>The lengths a lock says it accepts; empty when it did not say.</summary>
    public static IReadOnlySet<int> LengthsOf(RoomDevice device) =>
        device.SupportedCodeLengths.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => int.Parse(l, CultureInfo.InvariantCulture))
            .ToHashSet();

    /// <summary>
    /// The length accepted by the most locks; on a tie six digits (a guest code's length), else the longer.
    /// Null when no lock says which lengths it takes: the hub then chooses per lock.
    /// </summary>
    public static int? ChooseLength(IEnumerable<IReadOnlySet<int>> locks)
    {
        var counts = locks.SelectMany(l => l).GroupBy(l => l).Select(g => (Length: g.Key, Locks: g.Count())).ToList();
        return counts.Count == 0
            ? null
            : counts.OrderByDescending(c => c.Locks).ThenByDescending(c => c.Length == 6).ThenByDescending(c => c.Length).First().Length;
    }

    /// <summary>Random digits of <paramref name="length"/> that start with no zero and are not one digit repeated.</summary>
    public static string NewCode(int length)
    {
        while (true)
        {
            var digits = new char[length];
            digits[0] = (char)('1' + RandomNumberGenerator.GetInt32(9));
            for (var i = 1; i < length; i++)
            {
                digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
            }

            if (digits.Distinct().Count() > 1)
            {
                return new string(digits);
            }
        }
    }

    /// <summary>The shift's digits when this lock accepts their length; null lets the hub choose a code the lock takes.</summary>
    public static string? CodeFor(RoomDevice device, string? shiftCode) =>
        shiftCode is not null && LengthsOf(device).Contains(shiftCode.Length) ? shiftCode : null;
}
