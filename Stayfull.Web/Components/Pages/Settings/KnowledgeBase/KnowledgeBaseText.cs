using Stayfull.Domain.Replies;

namespace Stayfull.Web.Components.Pages.Settings.KnowledgeBase;

/// <summary>How knowledge base categories and suggestion kinds read on screen.</summary>
public static class KnowledgeBaseText
{
    public static string Category(KnowledgeCategory category) => category switch
    {
        KnowledgeCategory.ArrivalAndDeparture => "Arrival and departure",
        KnowledgeCategory.Facilities => "Facilities",
        KnowledgeCategory.FoodAndDrink => "Food and drink",
        KnowledgeCategory.Policies => "Policies",
        KnowledgeCategory.Transport => "Transport",
        KnowledgeCategory.Services => "Services",
        _ => "Other",
    };

    public static string Kind(ReplyKind kind) => kind switch
    {
        ReplyKind.Faq => "Knowledge base",
        ReplyKind.ReservationFact => "Booking facts",
        ReplyKind.Model => "Written by AI",
        _ => "Declined",
    };

    public static string Confidence(double confidence) => $"{Math.Round(confidence * 100):0} %";
}
