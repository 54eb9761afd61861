using Stayfull.Domain.Common;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Replies;

/// <summary>
/// A hotel's choice about answering guests without a person: off unless the hotel turns it on, and then only
/// for knowledge base or booking answers at or above the confidence threshold. A hotel that never saved its
/// own has <see cref="Defaults"/>.
/// </summary>
public sealed class ReplySettings : ITenantOwned
{
    public const double DefaultThreshold = 0.8;

    /// <summary>Below this an automatic answer would be a guess.</summary>
    public const double LowestThreshold = 0.5;

    private ReplySettings()
    {
    }

    private ReplySettings(Guid hotelId)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        ConfidenceThreshold = DefaultThreshold;
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public bool AutoSendEnabled { get; private set; }

    /// <summary>The lowest confidence (0..1) an answer needs to go out on its own.</summary>
    public double ConfidenceThreshold { get; private set; }

    /// <summary>0 for settings never saved (the defaults); bumped on every save.</summary>
    public int Version { get; private set; }

    public static ReplySettings Defaults(Guid hotelId) => new(hotelId);

    public ReplySettingsValues Values => new(AutoSendEnabled, ConfidenceThreshold);

    public void Update(ReplySettingsValues values)
    {
        if (double.IsNaN(values.ConfidenceThreshold) || values.ConfidenceThreshold < LowestThreshold || values.ConfidenceThreshold > 1)
        {
            throw ValidationException.For(nameof(values.ConfidenceThreshold), $"The confidence threshold is between {LowestThreshold:0.##} and 1.");
        }

        AutoSendEnabled = values.AutoSendEnabled;
        ConfidenceThreshold = Math.Round(values.ConfidenceThreshold, 2);
        Version++;
    }
}

/// <summary>What a manager edits: automatic replies on or off, and how sure an answer must be.</summary>
public sealed record ReplySettingsValues(bool AutoSendEnabled, double ConfidenceThreshold);
