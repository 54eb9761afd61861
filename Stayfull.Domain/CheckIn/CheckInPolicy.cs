using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stayfull.Domain.Hotels;

namespace Stayfull.Domain.CheckIn;

/// <summary>
/// The house rules a guest accepts at online check-in. The version is derived from the text, so a
/// signature always names the exact wording it agreed to, even after the hotel's times change.
/// </summary>
public sealed record CheckInPolicy(string Text, string Version)
{
    public static CheckInPolicy For(Hotel hotel)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            House rules of {hotel.Name}
            1. Rooms are ready from {hotel.CheckInTime:HH\:mm} on the day of arrival; check-out is by {hotel.CheckOutTime:HH\:mm} on the day of departure.
            2. The guest pays for the stay and any extras posted to the bill; an outstanding balance is charged before departure.
            3. Smoking is not allowed in rooms. Damage beyond normal use may be charged.
            4. The hotel keeps the details given here as the law requires for registering guests, and uses them only for this stay.
            5. The door code is personal: do not share it. Tell the desk at once if it stops working.
            """);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        return new CheckInPolicy(text, "v1-" + hash);
    }
}
