using Stayfull.Domain.Replies;

namespace Stayfull.Domain.Tests.Replies;

public sealed class TopicClassifierTests
{
    [Theory]
    [InlineData("I was charged twice for my room, please refund one", ReplyTopic.Money)]
    [InlineData("Can I pay by card at the desk?", ReplyTopic.Money)]
    [InlineData("Could you send me an invoice with our company's VAT number?", ReplyTopic.Money)]
    [InlineData("When will my deposit be returned?", ReplyTopic.Money)]
    [InlineData("What's the price of the suite for next weekend?", ReplyTopic.Money)]
    [InlineData("how much do I still owe you", ReplyTopic.Money)]
    [InlineData("The room was dirty when we arrived", ReplyTopic.Complaint)]
    [InlineData("the shower is broken and nobody came", ReplyTopic.Complaint)]
    [InlineData("Very disappointed with the noise from the bar all night", ReplyTopic.Complaint)]
    [InlineData("Your receptionist was rude to my wife. Unacceptable.", ReplyTopic.Complaint)]
    [InlineData("The air con is not working, and I want a refund", ReplyTopic.Complaint)]
    [InlineData("I need to cancel my reservation", ReplyTopic.Cancellation)]
    [InlineData("Can I change my booking to the 12th?", ReplyTopic.Cancellation)]
    [InlineData("We'd like to extend my stay by one more night", ReplyTopic.Cancellation)]
    [InlineData("What time is breakfast?", ReplyTopic.General)]
    [InlineData("Is there parking?", ReplyTopic.General)]
    [InlineData("can i bring my dog", ReplyTopic.General)]
    public void MessagesAreSortedIntoTheTopicAPersonMustAnswer(string message, ReplyTopic expected)
    {
        var (topic, needsPerson) = TopicClassifier.Classify(message);

        Assert.Equal(expected, topic);
        Assert.Equal(expected != ReplyTopic.General, needsPerson is not null);
    }

    [Fact]
    public void AMoneyQuestionAnsweredFromTheKnowledgeBaseStillNeedsAPerson()
    {
        var suggestion = KnowledgeBaseReplySuggester.Suggest(ReplyTestData.Request("How much does parking cost per night?"));

        Assert.Equal(ReplyKind.Faq, suggestion.Kind);
        Assert.Equal("Parking", suggestion.MatchedEntryTitle);
        Assert.Equal(ReplyTopic.Money, suggestion.Topic);
        Assert.NotNull(suggestion.NeedsPerson);
    }

    [Theory]
    [InlineData("Qual é a password do wifi?", "pt")]
    [InlineData("¿A qué hora es el desayuno?", "es")]
    [InlineData("Bonjour, est-ce que vous avez un parking ?", "fr")]
    [InlineData("Gibt es einen Parkplatz am Hotel?", "de")]
    [InlineData("What time is breakfast?", "en")]
    public void TheGuestsLanguageIsGuessedFromTheirWords(string message, string language) =>
        Assert.Equal(language, LanguageGuess.Of(message));
}
