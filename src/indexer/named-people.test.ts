import { namedPeople } from './named-people';

describe('namedPeople', () => {
  it('finds a name after a post, as written, in either script', () => {
    expect(
      namedPeople([
        '滎陽市司法局社區矯正科科長鄭凱駕車前往防疫服務站,滎陽市追授鄭凱稱號,向鄭凱學習。',
        '滎陽市委書記宋書傑,滎陽市委副書記、市長王效光都會帶隊深入鄉鎮。',
      ]),
    ).toEqual(['宋書傑', '王效光', '鄭凱']);
  });

  it('reads Simplified too, and ignores a post followed by no surname', () => {
    expect(namedPeople(['县委书记李明主持会议,李明指出,主任办公室的工作人员要在岗。'])).toEqual([
      '李明',
    ]);
  });
});
