package cjknews.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/** Runs text through the standard tokenizer and the given factories, as a custom analyzer would. */
final class Tokens {

    /** One emitted token: its text, offsets into the original text, and position increment. */
    record Token(String term, int start, int end, int positionIncrement) {
        @Override
        public String toString() {
            return term + "[" + start + "," + end + ")+" + positionIncrement;
        }
    }

    private Tokens() {}

    static List<String> terms(String text, TokenFilterFactory... filters) {
        return terms(text, null, filters);
    }

    static List<String> terms(String text, CharFilterFactory charFilter, TokenFilterFactory... filters) {
        return analyze(text, charFilter, filters).stream().map(Token::term).toList();
    }

    static List<Token> analyze(String text, CharFilterFactory charFilter, TokenFilterFactory... filters) {
        try (Analyzer analyzer = analyzer(charFilter, filters);
                TokenStream stream = analyzer.tokenStream("field", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            List<Token> tokens = new ArrayList<>();
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(
                        term.toString(), offset.startOffset(), offset.endOffset(), increment.getPositionIncrement()));
            }
            stream.end();
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Reader reader) {
        StringBuilder out = new StringBuilder();
        try (reader) {
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                out.append((char) c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String normalize(String text, CharFilterFactory charFilter) {
        return read(charFilter.normalize(new StringReader(text)));
    }

    private static Analyzer analyzer(CharFilterFactory charFilter, TokenFilterFactory... filters) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = tokenizer;
                for (TokenFilterFactory filter : filters) {
                    stream = filter.create(stream);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return charFilter == null ? reader : charFilter.create(reader);
            }
        };
    }
}
