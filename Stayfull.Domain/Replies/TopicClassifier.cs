using System.Text.RegularExpressions;

namespace Stayfull.Domain.Replies;

/// <summary>
/// Spots the messages a person must answer: complaints, cancellations and changes to a booking, and money
/// (refunds, charges, prices, payments). When several apply, the most sensitive wins: a complaint asking for a
/// refund is a complaint first.
/// </summary>
public static partial class TopicClassifier
{
    public static (ReplyTopic Topic, string? NeedsPerson) Classify(string message)
    {
        var text = " " + QuestionText.Normalize(message) + " ";
        if (Complaint().IsMatch(text))
        {
            return (ReplyTopic.Complaint, "The guest is unhappy: a person should answer a complaint.");
        }

        if (Cancellation().IsMatch(text))
        {
            return (ReplyTopic.Cancellation, "A cancellation or change to the booking: a person handles it.");
        }

        if (Money().IsMatch(text))
        {
            return (ReplyTopic.Money, "Money (payments, charges, refunds, prices): a person answers.");
        }

        return (ReplyTopic.General, null);
    }

    [GeneratedRegex(@" (dirty|filthy|disgusting|broken|broke|noisy|noise|loud|rude|impolite|disappointed|disappointing|disappointment|unacceptable|terrible|awful|horrible|worst|complain|complaint|complaining|unhappy|not happy|upset|angry|furious|smell|smells|smelly|stain|stained|stains|cockroach|cockroaches|bugs|bedbugs|bed bugs|mould|mold|leak|leaking|not working|doesnt work|does not work|isnt working|stopped working|no hot water|cold shower|ruined|scam|ripped off|shame|disgrace|poor service|bad service|never again|not clean|unclean|hair in|waited for|still waiting) ", RegexOptions.CultureInvariant)]
    private static partial Regex Complaint();

    [GeneratedRegex(@" (cancel|cancels|cancelled|canceled|cancelling|canceling|cancellation|cancelation|change my (booking|reservation|dates|stay)|change the (booking|reservation|dates)|modify|amend|reschedule|postpone|extend my stay|extend the stay|shorten|one night less|one more night|an extra night|move my (booking|reservation)|different dates) ", RegexOptions.CultureInvariant)]
    private static partial Regex Cancellation();

    [GeneratedRegex(@" (refund|refunds|refunded|charge|charges|charged|overcharged|price|prices|pricing|cost|costs|how much|pay|paid|paying|payment|payments|invoice|invoices|receipt|bill|billing|deposit|deposits|balance|owe|money|fee|fees|card|credit card|debit|tax|taxes|vat|discount|voucher|amount due) ", RegexOptions.CultureInvariant)]
    private static partial Regex Money();
}
