package cjknews.analysis;

import static cjknews.analysis.Factories.bigram;
import static cjknews.analysis.Factories.mapping;
import static cjknews.analysis.Factories.width;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.elasticsearch.common.settings.Settings;
import org.junit.jupiter.api.Test;

import cjknews.analysis.Tokens.Token;

class FiltersTest {

    @Test
    void widthFoldsFullWidthLettersAndDigits() {
        assertEquals(List.of("ABC123"), Tokens.terms("ＡＢＣ１２３", width()));
    }

    @Test
    void widthFoldsHalfWidthKatakanaAndJoinsVoicingMarks() {
        assertEquals(List.of("カタカナ", "ガ"), Tokens.terms("ｶﾀｶﾅ ｶﾞ", width()));
    }

    @Test
    void widthLeavesHanAlone() {
        assertEquals(List.of("鄭", "郑"), Tokens.terms("鄭 郑", width()));
    }

    @Test
    void bigramsAdjacentHan() {
        assertEquals(List.of("鄭凱"), Tokens.terms("鄭凱", bigram()));
        assertEquals(List.of("郑凯"), Tokens.terms("郑凯", bigram()));
        assertEquals(List.of("滎陽", "陽市", "市司", "司法", "法局"), Tokens.terms("滎陽市司法局", bigram()));
        assertEquals(List.of("荥阳", "阳滎", "滎陽"), Tokens.terms("荥阳滎陽", bigram()));
    }

    @Test
    void bigramsAcrossScriptsAsInTheElasticsearchDocs() {
        assertEquals(
                List.of("東京", "京都", "都は", "日本", "本の", "の首", "首都", "都で", "であ", "あり"),
                Tokens.terms("東京都は、日本の首都であり", bigram()));
    }

    @Test
    void keepsALoneCharacterAsAUnigram() {
        assertEquals(List.of("鄭", "abc"), Tokens.terms("鄭 abc", bigram()));
    }

    @Test
    void outputsUnigramsStackedWithBigramsWhenAsked() {
        assertEquals(
                List.of(new Token("鄭", 0, 1, 1), new Token("鄭凱", 0, 2, 0), new Token("凱", 1, 2, 1)),
                Tokens.analyze("鄭凱", null, bigram(Settings.builder().put("output_unigrams", true))));
    }

    @Test
    void leavesIgnoredScriptsAsUnigrams() {
        assertEquals(List.of("鄭", "凱"), Tokens.terms("鄭凱", bigram(Settings.builder().putList("ignored_scripts", "han"))));
        assertEquals(
                List.of("東京", "京都", "は"),
                Tokens.terms("東京都は", bigram(Settings.builder().putList("ignored_scripts", "hiragana", "katakana", "hangul"))));
        assertEquals(
                List.of("한국", "국어", "カタカナ"),
                Tokens.terms("한국어 カタカナ", bigram(Settings.builder().putList("ignored_scripts", "katakana"))));
    }

    @Test
    void chainsWidthThenBigram() {
        assertEquals(List.of("カタ", "タカ", "カナ", "ABC"), Tokens.terms("ｶﾀｶﾅ ＡＢＣ", width(), bigram()));
    }

    @Test
    void mappingRewritesBeforeTokenizingAndKeepsOriginalOffsets() {
        assertEquals(
                List.of(new Token("郑凯", 0, 2, 1), new Token("荥阳", 3, 5, 1), new Token("fone", 6, 11, 1)),
                Tokens.analyze("鄭凱 滎陽 phone", mapping("鄭 => 郑", "凱 => 凯", "滎陽 => 荥阳", "ph => f"), bigram()));
    }

    @Test
    void mappingOffsetsSurviveExpansionAndDeletion() {
        assertEquals(
                List.of(new Token("axyz", 0, 2, 1), new Token("b", 4, 5, 1)),
                Tokens.analyze("ax -b", mapping("x => xyz", "- =>")));
    }

    @Test
    void mappingPrefersTheLongestMatch() {
        assertEquals(List.of("荥阳", "x"), Tokens.terms("滎陽 滎", mapping("滎 => x", "滎陽 => 荥阳"), bigram()));
    }

    @Test
    void normalizersApplyTheSameRewrites() {
        assertEquals("郑凯 abc", Tokens.normalize("鄭凱 abc", mapping("鄭 => 郑", "凱 => 凯")));
    }
}
